import { InputError } from '@backstage/errors';
import { ProjectFileEntry } from '@ml-platform/plugin-ml-common';
import { ProjectFiles } from './ProjectFiles';

/**
 * The project file a job, an app or a build runs, which must exist and be a
 * file. Every problem is an InputError that names the request's `field`.
 */
export async function projectFileToRun(
  files: Pick<ProjectFiles, 'stat'>,
  projectId: string,
  field: string,
  filePath: string,
): Promise<ProjectFileEntry> {
  const entry = await files.stat(projectId, filePath).catch(error => {
    const message = (error as Error).message.replace(/^path: /, '');
    throw new InputError(
      `${field}: ${
        message.startsWith('No file')
          ? `no file '${filePath}' in this project`
          : message
      }`,
    );
  });
  if (entry.type !== 'file') {
    throw new InputError(`${field}: '${filePath}' is a folder`);
  }
  return entry;
}
