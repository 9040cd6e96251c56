import { NotAllowedError } from '@backstage/errors';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { constants } from 'node:fs';
import fs, { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v4 as uuid } from 'uuid';

/** Who a project's files belong to (its local workloads' uid and gid). */
export interface FileIdentity {
  uid: number;
  gid: number;
}

const LEADS_OUT = 'path: leads outside the project through a symbolic link';
const DIRECTORY = constants.O_RDONLY | constants.O_DIRECTORY;
// O_NONBLOCK: a FIFO where a file was must not hang the open.
const READ = constants.O_RDONLY | constants.O_NOCTTY | constants.O_NONBLOCK;

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

/**
 * The path of an open descriptor. Paths through it reach the very folder
 * that was opened, not whatever its old name now names: this is how the
 * backend works relative to a folder without `openat`.
 */
function via(handle: FileHandle, name?: string): string {
  const base = `/proc/self/fd/${handle.fd}`;
  return name === undefined ? base : `${base}/${name}`;
}

/** Where an open descriptor really is (Linux names it in /proc). */
async function whereIs(handle: FileHandle): Promise<string> {
  return fs.readlink(via(handle));
}

/**
 * Opens a regular file for reading and makes sure that what was opened
 * lies inside `realRoot` (checked on the open descriptor, so a path changed
 * at the same time cannot slip anything else in) and, unless it is
 * `owner`'s, has no other names that could lie elsewhere. Throws
 * NotAllowedError otherwise.
 */
export async function openInside(
  file: string,
  realRoot: string,
  owner?: FileIdentity,
): Promise<FileHandle> {
  const handle = await fs.open(file, READ);
  try {
    const stat = await handle.stat();
    const foreignLinks = owner && stat.uid !== owner.uid && stat.nlink > 1;
    if (!isInside(realRoot, await whereIs(handle)) || foreignLinks) {
      throw new NotAllowedError(LEADS_OUT);
    }
    if (!stat.isFile()) {
      throw new NotAllowedError(`'${path.basename(file)}' is not a file`);
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** {@link openInside}, or undefined where it refuses the file. */
async function openIfInside(
  file: string,
  realRoot: string,
  owner?: FileIdentity,
): Promise<FileHandle | undefined> {
  try {
    return await openInside(file, realRoot, owner);
  } catch (error) {
    if (error instanceof NotAllowedError) return undefined;
    throw error;
  }
}

/**
 * Copies a regular file that lies inside `realRoot` (see openInside) to
 * `dest`, keeping its mode; false when it does not lie there (or is no
 * regular file), and nothing is copied.
 */
export async function copyFileInside(
  file: string,
  dest: string,
  realRoot: string,
  owner?: FileIdentity,
): Promise<boolean> {
  const source = await openIfInside(file, realRoot, owner);
  if (!source) return false;
  try {
    const { mode } = await source.stat();
    const target = await fs.open(dest, 'w', mode & 0o777);
    // Both streams close their handles when done.
    await pipeline(source.createReadStream(), target.createWriteStream());
    await fs.chmod(dest, mode & 0o777);
    return true;
  } finally {
    await source.close().catch(() => {});
  }
}

/** A text file that lies inside `realRoot`, or undefined (see openInside). */
export async function readFileInside(
  file: string,
  realRoot: string,
  owner?: FileIdentity,
): Promise<string | undefined> {
  const handle = await openIfInside(file, realRoot, owner);
  if (!handle) return undefined;
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Deletes everything in an open folder, as `owner`: the child gets the
 * folder as its descriptor 3, so no path is looked up again, and whatever a
 * concurrent change leads it to, it can delete only what `owner` could.
 */
function emptyFolderAs(owner: FileIdentity, folder: FileHandle) {
  return new Promise<void>((resolve, reject) => {
    // -H: the starting point is a link (to the folder); nothing else is followed.
    const args = ['-H', '/proc/self/fd/3', '-mindepth', '1', '-delete'];
    const child = spawn('find', args, {
      uid: owner.uid,
      gid: owner.gid,
      stdio: ['ignore', 'ignore', 'pipe', folder.fd],
    });
    let stderr = '';
    child.stderr!.on('data', chunk => (stderr += chunk));
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve()
        : reject(
            new Error(`Emptying a folder failed: ${stderr.trim() || code}`),
          ),
    );
  });
}

/**
 * Removes a folder that sits in a folder only the backend can change
 * (`projects/`, `builds/`) but may belong to a project's uid, whose
 * workloads may be changing it now: its contents go as that uid, then the
 * folder itself. A folder of the backend's own goes as it always did.
 */
export async function removeTree(dir: string): Promise<void> {
  const stat = await fs.lstat(dir).catch(error => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  });
  if (!stat) return;
  if (!stat.isDirectory() || stat.uid === process.getuid?.()) {
    await fs.rm(dir, { recursive: true, force: true });
    return;
  }
  const folder = await fs.open(dir, DIRECTORY | constants.O_NOFOLLOW);
  try {
    await emptyFolderAs({ uid: stat.uid, gid: stat.gid }, folder);
  } finally {
    await folder.close();
  }
  await fs.rmdir(dir);
}

/**
 * File operations in a project folder that the project's workloads (under
 * their own uid) may be changing at the same time, done by a backend that
 * is root. Checking a path and then using it would let a folder swapped for
 * a link in between lead root anywhere on the machine. So every step goes
 * through an open folder whose real place was checked after opening it,
 * what the backend creates belongs to the project's uid at once, and a
 * folder's contents are deleted by a process under that uid. Linux only,
 * as is the local driver that makes workloads run under other uids.
 */
export class ConfinedFolder {
  private constructor(
    private readonly root: string,
    private readonly realRoot: string,
    private readonly owner: FileIdentity,
  ) {}

  static async open(root: string, owner: FileIdentity) {
    return new ConfinedFolder(root, await fs.realpath(root), owner);
  }

  /** Writes atomically (temp file + rename), creating parent folders. */
  async writeFile(absolute: string, data: Buffer): Promise<void> {
    const dir = await this.folder(path.dirname(absolute), true);
    try {
      const name = path.basename(absolute);
      const temp = via(dir, `.${name}.${uuid()}.tmp`);
      const file = await fs.open(temp, 'wx', 0o644);
      try {
        await file.chown(this.owner.uid, this.owner.gid);
        await file.writeFile(data);
      } finally {
        await file.close();
      }
      await fs.rename(temp, via(dir, name));
    } finally {
      await dir.close();
    }
  }

  /** Creates a folder and its missing parents. */
  async makeFolders(absolute: string): Promise<void> {
    await (await this.folder(absolute, true)).close();
  }

  async rename(from: string, to: string): Promise<void> {
    const source = await this.folder(path.dirname(from), false);
    try {
      const target = await this.folder(path.dirname(to), true);
      try {
        await fs.rename(
          via(source, path.basename(from)),
          via(target, path.basename(to)),
        );
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  }

  /** Removes a file, a link (never what it points to) or a whole folder. */
  async remove(absolute: string): Promise<void> {
    const parent = await this.folder(path.dirname(absolute), false);
    try {
      const entry = via(parent, path.basename(absolute));
      const stat = await fs.lstat(entry);
      if (!stat.isDirectory()) {
        await fs.unlink(entry);
        return;
      }
      const folder = await this.checked(
        await fs.open(entry, DIRECTORY | constants.O_NOFOLLOW),
      );
      try {
        await emptyFolderAs(this.owner, folder);
      } finally {
        await folder.close();
      }
      await fs.rmdir(entry);
    } finally {
      await parent.close();
    }
  }

  /** Opens a file for reading, if it lies inside the folder. */
  async openRead(absolute: string): Promise<FileHandle> {
    return openInside(absolute, this.realRoot, this.owner);
  }

  /** A stream of a file inside the folder (see openRead). */
  async readStream(absolute: string): Promise<Readable> {
    const handle = await this.openRead(absolute);
    return handle.createReadStream();
  }

  /**
   * A tar.gz of the whole folder, made by GNU tar running as the project's
   * uid (node-tar, as root, would open what a concurrent change swapped in).
   * Links are stored as links; owners as 0, as node-tar's portable mode.
   */
  async archive(): Promise<Readable> {
    const root = await this.folder(this.root, false);
    try {
      const names = await fs.readdir(via(root));
      const args = [
        '--create',
        '--gzip',
        '--file=-',
        '--numeric-owner',
        '--owner=0',
        '--group=0',
        '--directory=/proc/self/fd/3',
        '--',
        ...(names.length > 0 ? names : ['.']),
      ];
      const child = spawn('tar', args, {
        uid: this.owner.uid,
        gid: this.owner.gid,
        stdio: ['ignore', 'pipe', 'pipe', root.fd],
      });
      let stderr = '';
      child.stderr!.on('data', chunk => (stderr += chunk));
      // Ends only once tar has said how it went, so a failure reaches the reader.
      const output = new PassThrough();
      child.stdout!.pipe(output, { end: false });
      child.on('error', error => output.destroy(error));
      child.on('close', code => {
        // 1: a file changed while it was read, which is no reason to fail.
        if (code === 0 || code === 1) output.end();
        else output.destroy(new Error(`tar failed: ${stderr.trim() || code}`));
      });
      await once(child, 'spawn');
      return output;
    } finally {
      // The child has its own copy of the descriptor by now.
      await root.close();
    }
  }

  /**
   * Opens a folder inside the root step by step, each step through the
   * folder opened before and checked after opening; with `create`, missing
   * folders are made (and given to the project's uid) on the way.
   */
  private async folder(absolute: string, create: boolean) {
    const relative = path.relative(this.root, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new NotAllowedError(LEADS_OUT);
    }
    let current = await this.checked(await fs.open(this.root, DIRECTORY));
    try {
      for (const segment of relative.split(path.sep).filter(Boolean)) {
        const next = via(current, segment);
        let made = false;
        if (create) {
          made = await fs.mkdir(next).then(
            () => true,
            error => {
              if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
                return false;
              }
              throw error;
            },
          );
        }
        const opened = await this.checked(await fs.open(next, DIRECTORY));
        await current.close();
        current = opened;
        if (made) await current.chown(this.owner.uid, this.owner.gid);
      }
      return current;
    } catch (error) {
      await current.close();
      throw error;
    }
  }

  private async checked(handle: FileHandle): Promise<FileHandle> {
    if (isInside(this.realRoot, await whereIs(handle))) return handle;
    await handle.close();
    throw new NotAllowedError(LEADS_OUT);
  }
}
