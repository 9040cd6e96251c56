import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { MlService } from '@ml-platform/plugin-ml-node';
import { listFiles } from './projectFiles';

/** The folder of the task workspace whose files are uploaded. */
export function sourceRoot(workspacePath: string, sourcePath?: string) {
  return sourcePath
    ? resolveSafeChildPath(workspacePath, sourcePath)
    : workspacePath;
}

/**
 * Uploads each file under `root` to the project, at the same relative path.
 * Uploads are PUTs of the same bytes, so repeating them after a partial
 * upload is harmless.
 */
export async function uploadFiles(
  ml: MlService,
  credentials: BackstageCredentials,
  projectId: string,
  root: string,
  files: string[],
) {
  for (const file of files) {
    const content = await fs.readFile(path.join(root, ...file.split('/')));
    await ml.writeFile(projectId, file, content, { credentials });
  }
}

export { listFiles };
