import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Ends what the local driver started: its process groups outlive a backend
 * on purpose (re-adoption after a restart), but not a test.
 */
export async function stopLocalWorkloads(storageRoot: string) {
  const runs = path.join(storageRoot, 'local-driver', 'runs');
  for (const name of await fs.readdir(runs).catch(() => [] as string[])) {
    if (!name.endsWith('.json')) continue;
    try {
      const state = JSON.parse(
        await fs.readFile(path.join(runs, name), 'utf8'),
      );
      process.kill(-state.pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Removes a test's storage folder, waiting out files still being closed. */
export async function removeStorage(storageRoot: string) {
  await fs.rm(storageRoot, {
    recursive: true,
    force: true,
    maxRetries: 10,
    retryDelay: 100,
  });
}
