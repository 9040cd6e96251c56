import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Gives each test of the calling `describe` a fresh temporary folder, handed
 * to `use` before the test's own `beforeEach` hooks, and removes it after.
 */
export function tempDirForEachTest(
  prefix: string,
  use: (dir: string) => void,
): void {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    use(dir);
  });
  afterEach(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });
}
