import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { ProjectFileEntry } from '@ml-platform/plugin-ml-common';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import * as tar from 'tar';
import { v4 as uuid } from 'uuid';
import { ConfinedFolder, FileIdentity, removeTree } from './confinedFs';
import { assertNoEscape, resolveProjectPath } from './projectPaths';

const MAX_LISTED_ENTRIES = 10_000;
const PROJECT_ID_PATTERN = /^[0-9a-f-]{36}$/;

function notFound(relative: string): NotFoundError {
  return new NotFoundError(`No file or folder '${relative}' in this project`);
}

function ignoreVanished(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}

async function lstatOrUndefined(p: string) {
  try {
    return await fs.lstat(p);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Who a project's files belong to when its local workloads run under a uid
 * of their own (the local driver's isolation, when the backend is root).
 */
export interface ProjectFolderOwner {
  /**
   * The project's uid and gid, having handed its folder to them if it was
   * not yet; undefined when workloads run as the backend.
   */
  claim(projectId: string, dir: string): Promise<FileIdentity | undefined>;
}

/**
 * The files of each project, in `<root>/<project id>/`. Every path comes from
 * a request, so each one goes through resolveProjectPath and assertNoEscape.
 * With an owner, the folder belongs to the project's uid and its workloads
 * may change it while the backend (root) works in it: changes then go
 * through ConfinedFolder, and what the backend writes belongs to that uid.
 */
export class ProjectFiles {
  constructor(
    private readonly root: string,
    private readonly owner?: ProjectFolderOwner,
  ) {}

  /** The project's folder; sessions and jobs run in (a copy of) it. */
  dirFor(projectId: string): string {
    if (!PROJECT_ID_PATTERN.test(projectId)) {
      throw new InputError(`'${projectId}' is not a project id`);
    }
    return path.join(this.root, projectId);
  }

  async init(projectId: string, files: Record<string, string | Buffer>) {
    const dir = this.dirFor(projectId);
    await fs.mkdir(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      await this.write(projectId, name, Buffer.from(content));
    }
  }

  async remove(projectId: string): Promise<void> {
    await removeTree(this.dirFor(projectId));
  }

  private async resolve(
    projectId: string,
    requested: string,
    allowRoot = false,
  ) {
    const root = this.dirFor(projectId);
    await fs.mkdir(root, { recursive: true });
    const identity = await this.owner?.claim(projectId, root);
    const resolved = resolveProjectPath(root, requested, { allowRoot });
    await assertNoEscape(root, resolved.absolute);
    const confined = identity
      ? () => ConfinedFolder.open(root, identity)
      : undefined;
    return { root, confined, ...resolved };
  }

  private async entry(
    root: string,
    absolute: string,
  ): Promise<ProjectFileEntry> {
    const stat = await fs.stat(absolute);
    const relative = path.relative(root, absolute).split(path.sep).join('/');
    return {
      path: relative,
      name: path.basename(absolute),
      type: stat.isDirectory() ? 'directory' : 'file',
      size: stat.isDirectory() ? 0 : stat.size,
      modifiedAt: stat.mtime.toISOString(),
    };
  }

  async list(
    projectId: string,
    dir: string,
    recursive: boolean,
  ): Promise<ProjectFileEntry[]> {
    const { root, absolute, relative } = await this.resolve(
      projectId,
      dir,
      true,
    );
    const stat = await lstatOrUndefined(absolute);
    if (!stat) throw notFound(relative);
    if (!stat.isDirectory()) {
      throw new InputError(`path: '${relative}' is a file, not a folder`);
    }
    const realRoot = await fs.realpath(root);
    const entries: ProjectFileEntry[] = [];
    const walk = async (folder: string) => {
      // Workloads change the folder while it is read: what went meanwhile is
      // simply not listed.
      const children = await fs
        .readdir(folder, { withFileTypes: true })
        .catch(ignoreVanished);
      if (!children) return;
      children.sort((a, b) => a.name.localeCompare(b.name));
      for (const child of children) {
        if (entries.length >= MAX_LISTED_ENTRIES) return;
        const childPath = path.join(folder, child.name);
        if (child.isSymbolicLink()) {
          // Links are listed only when they stay inside the project.
          const real = await fs.realpath(childPath).catch(() => undefined);
          if (
            !real ||
            !(real === realRoot || real.startsWith(realRoot + path.sep))
          ) {
            continue;
          }
        }
        const item = await this.entry(root, childPath).catch(ignoreVanished);
        if (!item) continue;
        entries.push(item);
        if (recursive && item.type === 'directory' && !child.isSymbolicLink()) {
          await walk(childPath);
        }
      }
    };
    await walk(absolute);
    return entries;
  }

  async stat(projectId: string, file: string): Promise<ProjectFileEntry> {
    const { root, absolute, relative } = await this.resolve(projectId, file);
    if (!(await lstatOrUndefined(absolute))) throw notFound(relative);
    return this.entry(root, absolute);
  }

  async read(
    projectId: string,
    file: string,
  ): Promise<{ entry: ProjectFileEntry; stream: Readable }> {
    const entry = await this.stat(projectId, file);
    if (entry.type === 'directory') {
      throw new InputError(`path: '${entry.path}' is a folder, not a file`);
    }
    const { absolute, confined } = await this.resolve(projectId, file);
    const stream = confined
      ? await (await confined()).readStream(absolute)
      : createReadStream(absolute);
    return { entry, stream };
  }

  /** Writes atomically (temp file + rename), creating parent folders. */
  async write(
    projectId: string,
    file: string,
    data: Buffer,
  ): Promise<ProjectFileEntry> {
    const { root, absolute, relative, confined } = await this.resolve(
      projectId,
      file,
    );
    const existing = await lstatOrUndefined(absolute);
    if (existing?.isDirectory()) {
      throw new ConflictError(
        `'${relative}' is a folder; cannot write a file over it`,
      );
    }
    if (confined) {
      await (await confined()).writeFile(absolute, data);
      return this.entry(root, absolute);
    }
    await this.mkdirs(root, path.dirname(absolute));
    const temp = path.join(
      path.dirname(absolute),
      `.${path.basename(absolute)}.${uuid()}.tmp`,
    );
    await fs.writeFile(temp, data);
    await fs.rename(temp, absolute);
    return this.entry(root, absolute);
  }

  async mkdir(projectId: string, dir: string): Promise<ProjectFileEntry> {
    const { root, absolute, relative, confined } = await this.resolve(
      projectId,
      dir,
    );
    if (await lstatOrUndefined(absolute)) {
      throw new ConflictError(`'${relative}' already exists`);
    }
    if (confined) await (await confined()).makeFolders(absolute);
    else await this.mkdirs(root, absolute);
    return this.entry(root, absolute);
  }

  async rename(
    projectId: string,
    from: string,
    to: string,
  ): Promise<ProjectFileEntry> {
    const source = await this.resolve(projectId, from);
    const target = await this.resolve(projectId, to);
    if (!(await lstatOrUndefined(source.absolute)))
      throw notFound(source.relative);
    if (await lstatOrUndefined(target.absolute)) {
      throw new ConflictError(`'${target.relative}' already exists`);
    }
    if (target.absolute.startsWith(source.absolute + path.sep)) {
      throw new InputError(`to: cannot move '${source.relative}' into itself`);
    }
    if (target.confined) {
      await (await target.confined()).rename(source.absolute, target.absolute);
    } else {
      await this.mkdirs(target.root, path.dirname(target.absolute));
      await fs.rename(source.absolute, target.absolute);
    }
    return this.entry(target.root, target.absolute);
  }

  async delete(projectId: string, file: string): Promise<void> {
    const { absolute, relative, confined } = await this.resolve(
      projectId,
      file,
    );
    if (!(await lstatOrUndefined(absolute))) throw notFound(relative);
    // rm on a link removes the link, never what it points to.
    if (confined) await (await confined()).remove(absolute);
    else await fs.rm(absolute, { recursive: true, force: true });
  }

  /** A gzipped tarball of the project; links are stored as links, not followed. */
  async archive(projectId: string): Promise<Readable> {
    const { root, confined } = await this.resolve(projectId, '', true);
    return confined ? (await confined()).archive() : archiveDirectory(root);
  }

  private async mkdirs(root: string, dir: string) {
    await fs.mkdir(dir, { recursive: true });
    await assertNoEscape(root, dir);
  }
}

/** A tar.gz of everything in a directory, symlinks stored as links (never followed). */
export async function archiveDirectory(root: string): Promise<Readable> {
  const names = await fs.readdir(root);
  return tar.create(
    { gzip: true, cwd: root, portable: true, follow: false },
    names.length > 0 ? names : ['.'],
  ) as unknown as Readable;
}
