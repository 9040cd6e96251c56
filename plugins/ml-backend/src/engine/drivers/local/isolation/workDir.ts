import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { WorkloadIdentity } from './ProjectIdentities';

/**
 * The first folder above `target` that users other than its owner cannot
 * pass through, if there is one. A workload under its project's uid needs
 * to pass every one of them: Python finds a script's sibling modules by
 * absolute path.
 */
export async function unsearchableAncestor(
  target: string,
): Promise<string | undefined> {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of ['', ...parts.slice(0, -1)]) {
    current = path.join(current, part);
    const stat = await fs.stat(current);
    if (stat.isDirectory() && (stat.mode & 0o001) === 0) return current;
  }
  return undefined;
}

/**
 * Hands a folder a workload runs in (a project's files, a build snapshot)
 * to the project's uid, mode 0700, so no other project can read it.
 *
 * A folder that is already the project's is left as it is inside: its uid
 * may be changing it right now, and a tree walk as root there could be led
 * anywhere by a folder swapped for a link. A folder that is not yet the
 * project's has had no process of that uid in it (the backend made it, as
 * root), so it is closed first (root, 0700) and then walked with lchown,
 * which never follows links. Files with more than one link are left alone:
 * their other name may be outside, and chown would give that away too.
 */
function unlessVanished(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}

export async function adoptWorkDir(
  dir: string,
  identity: WorkloadIdentity,
  logger: LoggerService,
): Promise<void> {
  const stat = await fs.lstat(dir);
  if (!stat.isDirectory()) {
    throw new InputError(`Work folder ${dir} is not a folder`);
  }
  if (stat.uid === identity.uid && stat.gid === identity.gid) {
    // Its own uid may open it up; another project's must not get in.
    if ((stat.mode & 0o077) !== 0) await fs.chmod(dir, 0o700);
    return;
  }
  await fs.chmod(dir, 0o700);
  let skipped = 0;
  // A workload of the project may be running in the folder already and
  // remove files while it is walked: what went needs no new owner.
  const walk = async (folder: string) => {
    const entries = await fs
      .readdir(folder, { withFileTypes: true })
      .catch(unlessVanished);
    for (const entry of entries ?? []) {
      const full = path.join(folder, entry.name);
      const entryStat = await fs.lstat(full).catch(unlessVanished);
      if (!entryStat) continue;
      if (entryStat.isFile() && entryStat.nlink > 1) {
        skipped += 1;
        continue;
      }
      await fs.lchown(full, identity.uid, identity.gid).catch(unlessVanished);
      if (entryStat.isDirectory()) await walk(full);
    }
  };
  await walk(dir);
  await fs.chown(dir, identity.uid, identity.gid);
  if (skipped > 0) {
    logger.warn(
      `Left ${skipped} hard-linked file(s) in ${dir} to their owner; uid ${identity.uid} may not be able to change them`,
    );
  }
}
