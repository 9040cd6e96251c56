import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The storage folders whose children are handed to projects (a project's
 * files, a build snapshot). Everything else under the storage root is the
 * backend's alone.
 */
export const SHARED_STORAGE_FOLDERS = ['projects', 'builds'];

/**
 * A readable copy of the SDK, made when the SDK itself is closed to project
 * uids (see LocalIsolation); readable by every workload.
 */
export const PUBLIC_SDK_FOLDER = 'sdk';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Lays the storage root out for workloads under other uids:
 *
 * - the root, `projects/` and `builds/` 0711: passable (a workload reaches
 *   its own folder by path) but not listable;
 * - every other child 0700 (folders) or 0600 (files): the SQLite folder
 *   (`db/` in the embedded default), the driver's state and logs
 *   (`local-driver/`), and whatever else the backend keeps there;
 * - children of `projects/` and `builds/` still owned by the backend (made
 *   before isolation was on, or not yet run) 0700; the driver hands each to
 *   its project's uid when a workload first runs in it.
 *
 * Links are left alone (chmod would follow them). Idempotent.
 */
export async function layOutStorage(root: string): Promise<void> {
  await fs.mkdir(root, { recursive: true });
  await fs.chmod(root, 0o711);
  for (const name of SHARED_STORAGE_FOLDERS) {
    await fs.mkdir(path.join(root, name), { recursive: true });
    await fs.chmod(path.join(root, name), 0o711);
  }
  const self = process.getuid?.();
  for (const entry of await fs.readdir(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (SHARED_STORAGE_FOLDERS.includes(entry.name)) {
      await closeUnclaimed(full, self);
    } else if (entry.name === PUBLIC_SDK_FOLDER) {
      // Left as LocalIsolation made it (0755).
    } else if (entry.isDirectory()) {
      await fs.chmod(full, 0o700);
    } else if (entry.isFile()) {
      await fs.chmod(full, 0o600);
    }
  }
}

async function closeUnclaimed(folder: string, self: number | undefined) {
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(folder, entry.name);
    try {
      const stat = await fs.lstat(full);
      if (stat.uid === self && (stat.mode & 0o077) !== 0) {
        await fs.chmod(full, 0o700);
      }
    } catch (error) {
      // Deleted meanwhile (a project removed during start-up).
      if (!isMissing(error)) throw error;
    }
  }
}
