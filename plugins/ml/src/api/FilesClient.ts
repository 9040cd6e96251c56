import { ProjectFileEntry } from '@ml-platform/plugin-ml-common';
import { MlListFilesOptions } from './MlApi';
import { MlHttp, seg } from './MlHttp';

/** A project's files: listing, contents, folders and the archive. */
export class FilesClient {
  constructor(private readonly http: MlHttp) {}

  async listFiles(projectId: string, options?: MlListFilesOptions) {
    const { items } = await this.http.json<{ items: ProjectFileEntry[] }>(
      'GET',
      `/projects/${seg(projectId)}/files`,
      {
        query: {
          path: options?.path || undefined,
          recursive: options?.recursive || undefined,
        },
      },
    );
    return items;
  }

  async readFile(projectId: string, path: string) {
    const response = await this.http.send(
      'GET',
      `/projects/${seg(projectId)}/files/content`,
      { query: { path } },
    );
    return response.text();
  }

  async writeFile(projectId: string, path: string, content: Blob | string) {
    const response = await this.http.send(
      'PUT',
      `/projects/${seg(projectId)}/files/content`,
      {
        query: { path },
        rawBody: content,
      },
    );
    return (await response.json()) as ProjectFileEntry;
  }

  async createDirectory(projectId: string, path: string) {
    await this.http.send(
      'POST',
      `/projects/${seg(projectId)}/files/directories`,
      {
        body: { path },
      },
    );
  }

  async renameFile(projectId: string, from: string, to: string) {
    await this.http.send('POST', `/projects/${seg(projectId)}/files/rename`, {
      body: { from, to },
    });
  }

  async deleteFile(projectId: string, path: string) {
    await this.http.send('DELETE', `/projects/${seg(projectId)}/files`, {
      query: { path },
    });
  }

  async downloadArchive(projectId: string) {
    const response = await this.http.send(
      'GET',
      `/projects/${seg(projectId)}/files/archive`,
    );
    return response.blob();
  }
}
