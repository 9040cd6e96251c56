import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ArtifactStore } from './ArtifactStore';

/**
 * Copies what the store holds at `from` (a folder with everything under it,
 * or one file) into the folder `target`; returns the number of files.
 */
export async function copyArtifacts(
  store: ArtifactStore,
  from: string,
  target: string,
): Promise<number> {
  await fsp.mkdir(target, { recursive: true });
  const entries = await store.list(from);
  if (entries.length === 0) {
    // A file, or nothing: the store answers a file's listing as empty.
    const file = await store.get(from).catch(() => undefined);
    if (!file) return 0;
    await pipeline(
      file.stream,
      fs.createWriteStream(path.join(target, path.posix.basename(from))),
    );
    return 1;
  }
  let copied = 0;
  for (const entry of entries) {
    const name = path.posix.basename(entry.path);
    if (entry.is_dir) {
      copied += await copyArtifacts(store, entry.path, path.join(target, name));
    } else {
      const { stream } = await store.get(entry.path);
      await pipeline(stream, fs.createWriteStream(path.join(target, name)));
      copied += 1;
    }
  }
  return copied;
}
