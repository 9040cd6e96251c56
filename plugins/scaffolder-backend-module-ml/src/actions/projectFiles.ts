import fs from 'node:fs/promises';
import path from 'node:path';

/** A template should not turn into a bulk upload; this bounds a mistake. */
export const MAX_PROJECT_FILES = 5000;

/**
 * Files under `root`, as paths relative to it with `/` separators, sorted.
 * Symbolic links are left out: they could point outside the workspace.
 */
export async function listFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
      } else if (entry.isFile()) {
        found.push(path.relative(root, full).split(path.sep).join('/'));
        if (found.length > MAX_PROJECT_FILES) {
          throw new Error(
            `More than ${MAX_PROJECT_FILES} files under ${root}; is sourcePath right?`,
          );
        }
      }
    }
  };
  await walk(root);
  return found.sort();
}
