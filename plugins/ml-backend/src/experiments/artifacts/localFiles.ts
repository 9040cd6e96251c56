import { createWriteStream, Stats } from 'node:fs';
import fs from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalidParameter } from '../MlflowError';

/** How much is read at once when copying or serving a file. */
export const COPY_CHUNK = 1024 * 1024;

/** Whether a file system error says the path is not there. */
export const isMissing = (error: unknown) =>
  ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/** The path's own status (a link's, not its target's), if it exists. */
export async function lstatIfAny(file: string): Promise<Stats | undefined> {
  try {
    return await fs.lstat(file);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Paths the file system refuses on its own, told as MLflow tells them. */
export function asMlflowError(error: unknown, artifactPath: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENAMETOOLONG') {
    return invalidParameter(`Invalid path '${artifactPath}': it is too long`);
  }
  if (code === 'ELOOP') {
    return invalidParameter(
      `Invalid path '${artifactPath}': its symbolic links form a loop`,
    );
  }
  return error;
}

/** Writes `content` to a new file, handing every chunk to `onChunk`. */
export async function writeNewFile(
  file: string,
  content: Readable | Buffer,
  onChunk: (chunk: Buffer) => void = () => {},
): Promise<void> {
  try {
    if (Buffer.isBuffer(content)) {
      onChunk(content);
      await fs.writeFile(file, content, { flag: 'wx' });
      return;
    }
    const observe = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        onChunk(chunk);
        callback(null, chunk);
      },
    });
    await pipeline(content, observe, createWriteStream(file, { flags: 'wx' }));
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
}
