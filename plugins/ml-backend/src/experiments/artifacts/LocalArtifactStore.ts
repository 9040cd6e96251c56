import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { v4 as uuid } from 'uuid';
import { doesNotExist, invalidParameter } from '../MlflowError';
import {
  ArtifactContent,
  ArtifactFileInfo,
  ArtifactStore,
  ArtifactUploadPart,
} from './ArtifactStore';
import { normaliseArtifactPath, RESERVED_ROOT_NAMES } from './artifactPaths';
import {
  asMlflowError,
  COPY_CHUNK,
  isMissing,
  lstatIfAny,
  writeNewFile,
} from './localFiles';
import {
  checkPartNumber,
  concatenateParts,
  isUploadId,
  orderedParts,
} from './localMultipart';

const UPLOADS = '.uploads';
const TEMP = '.tmp';
/** The file in an upload's folder that names the path being uploaded. */
const UPLOAD_TARGET = 'target';

/**
 * Artifacts as files under a root folder (the backend gives it
 * `<storageRoot>/mlflow-artifacts`). Every path is checked by
 * {@link normaliseArtifactPath}, and a path that would leave the root
 * through a symbolic link is refused before anything is written: folders
 * are walked one by one from the root and each link met is resolved and
 * must stay inside it. Files are written to `<root>/.tmp` first and renamed
 * into place, so a reader never sees half a file; parts of multipart
 * uploads wait in `<root>/.uploads/<uploadId>/<partNumber>`. Only the
 * backend writes under the root (no workload reaches it), so the checks
 * need not hold against a concurrent local attacker.
 *
 * @internal
 */
export class LocalArtifactStore implements ArtifactStore {
  private realRootPromise?: Promise<string>;

  constructor(private readonly root: string) {}

  async put(artifactPath: string, content: Readable | Buffer): Promise<void> {
    const file = this.filePath(artifactPath);
    try {
      const folder = await this.makeFolder(file.folder, file.path);
      await this.writeInto(folder, file, temp => writeNewFile(temp, content));
    } catch (error) {
      throw asMlflowError(error, file.path);
    }
  }

  async get(artifactPath: string): Promise<ArtifactContent> {
    const file = this.filePath(artifactPath);
    const missing = () => doesNotExist(`No artifact at '${file.path}'`);
    try {
      const folder = await this.folder(file.folder, file.path, false);
      if (!folder) throw missing();
      const real = await fs
        .realpath(path.join(folder, file.name))
        .catch(error => {
          throw isMissing(error) ? missing() : error;
        });
      this.assertInside(await this.realRoot(), real, file.path);
      const stat = await fs.stat(real);
      if (stat.isDirectory()) {
        throw invalidParameter(`'${file.path}' is a folder: list it instead`);
      }
      if (!stat.isFile()) throw missing();
      const handle = await fs.open(real, 'r');
      return {
        stream: handle.createReadStream({ highWaterMark: COPY_CHUNK }),
        size: stat.size,
      };
    } catch (error) {
      throw asMlflowError(error, file.path);
    }
  }

  async list(artifactPath: string): Promise<ArtifactFileInfo[]> {
    const folderPath = normaliseArtifactPath(artifactPath);
    try {
      const segments = folderPath === '' ? [] : folderPath.split('/');
      const folder = await this.folder(segments, folderPath, false);
      if (!folder) return [];
      const root = await this.realRoot();
      const entries = await fs.readdir(folder, { withFileTypes: true });
      const infos: ArtifactFileInfo[] = [];
      for (const entry of entries) {
        if (folderPath === '' && RESERVED_ROOT_NAMES.has(entry.name)) continue;
        const stat = await this.entryStat(root, path.join(folder, entry.name));
        if (!stat) continue;
        const entryPath = folderPath
          ? `${folderPath}/${entry.name}`
          : entry.name;
        if (stat.isDirectory()) {
          infos.push({ path: entryPath, is_dir: true });
        } else if (stat.isFile()) {
          infos.push({ path: entryPath, is_dir: false, file_size: stat.size });
        }
      }
      // Code-point order, as MLflow sorts FileInfos.
      return infos.sort((a, b) => (a.path < b.path ? -1 : 1));
    } catch (error) {
      throw asMlflowError(error, folderPath);
    }
  }

  async delete(artifactPath: string): Promise<void> {
    const file = this.filePath(artifactPath);
    try {
      const folder = await this.folder(file.folder, file.path, false);
      if (!folder) return;
      // A link is removed itself, never what it points to.
      await fs.rm(path.join(folder, file.name), {
        recursive: true,
        force: true,
      });
    } catch (error) {
      throw asMlflowError(error, file.path);
    }
  }

  async createMultipartUpload(artifactPath: string): Promise<string> {
    const file = this.filePath(artifactPath);
    try {
      // Refuses a path through a link out of the root now, not at the end.
      await this.folder(file.folder, file.path, false);
      const uploadId = uuid();
      const dir = await this.uploadFolder(uploadId);
      await fs.mkdir(dir);
      await fs.writeFile(path.join(dir, UPLOAD_TARGET), file.path);
      return uploadId;
    } catch (error) {
      throw asMlflowError(error, file.path);
    }
  }

  async uploadPart(
    artifactPath: string,
    uploadId: string,
    partNumber: number,
    content: Readable | Buffer,
  ): Promise<string> {
    const file = this.filePath(artifactPath);
    checkPartNumber(partNumber);
    const dir = await this.openUpload(file.path, uploadId);
    const temp = path.join(dir, `${partNumber}.${uuid()}.part`);
    const md5 = createHash('md5');
    try {
      await writeNewFile(temp, content, chunk => md5.update(chunk));
      await fs.rename(temp, path.join(dir, String(partNumber)));
    } catch (error) {
      await fs.rm(temp, { force: true });
      // Aborted or completed meanwhile.
      if (isMissing(error)) throw doesNotExist(`No upload '${uploadId}'`);
      throw error;
    }
    return md5.digest('hex');
  }

  async completeMultipartUpload(
    artifactPath: string,
    uploadId: string,
    parts: ArtifactUploadPart[],
  ): Promise<void> {
    const file = this.filePath(artifactPath);
    const ordered = orderedParts(parts);
    const dir = await this.openUpload(file.path, uploadId);
    try {
      const folder = await this.makeFolder(file.folder, file.path);
      await this.writeInto(folder, file, temp =>
        concatenateParts(temp, dir, ordered),
      );
    } catch (error) {
      throw asMlflowError(error, file.path);
    }
    await fs.rm(dir, { recursive: true, force: true });
  }

  async abortMultipartUpload(
    artifactPath: string,
    uploadId: string,
  ): Promise<void> {
    const file = this.filePath(artifactPath);
    const dir = await this.openUpload(file.path, uploadId);
    await fs.rm(dir, { recursive: true, force: true });
  }

  /** The root, made on first use, with every link in its own path resolved. */
  private realRoot(): Promise<string> {
    this.realRootPromise ??= (async () => {
      await fs.mkdir(this.root, { recursive: true });
      const real = await fs.realpath(this.root);
      await fs.mkdir(path.join(real, UPLOADS), { recursive: true });
      await fs.mkdir(path.join(real, TEMP), { recursive: true });
      return real;
    })();
    // A failed attempt (a folder that could not be made) is tried again.
    this.realRootPromise.catch(() => (this.realRootPromise = undefined));
    return this.realRootPromise;
  }

  /** A file's path, split; the root itself is no file. */
  private filePath(artifactPath: string) {
    const normalised = normaliseArtifactPath(artifactPath);
    if (normalised === '') {
      throw invalidParameter('The artifact path must name a file or folder');
    }
    const segments = normalised.split('/');
    return {
      path: normalised,
      folder: segments.slice(0, -1),
      name: segments[segments.length - 1],
    };
  }

  private assertInside(root: string, real: string, artifactPath: string) {
    if (real !== root && !real.startsWith(root + path.sep)) {
      throw invalidParameter(
        `Invalid path '${artifactPath}': it leads out of the artifact store`,
      );
    }
  }

  /**
   * The real path of the folder `segments` name, walked from the root: a
   * link on the way must stay inside the root. With `create`, missing
   * folders are made (only ever below every existing step, so only once
   * all links have been checked); without, undefined when one is missing
   * or is a file.
   */
  private async folder(
    segments: string[],
    artifactPath: string,
    create: boolean,
  ): Promise<string | undefined> {
    const root = await this.realRoot();
    let current = root;
    for (const [index, segment] of segments.entries()) {
      const next = path.join(current, segment);
      let stat = await lstatIfAny(next);
      if (!stat) {
        if (!create) return undefined;
        await fs.mkdir(next).catch(error => {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        });
        stat = await fs.lstat(next);
      }
      if (stat.isSymbolicLink()) {
        const real = await fs.realpath(next).catch(error => {
          if (isMissing(error)) return undefined;
          throw error;
        });
        if (real === undefined) {
          if (!create) return undefined;
          throw invalidParameter(
            `Invalid path '${artifactPath}': '${segment}' is a broken link`,
          );
        }
        this.assertInside(root, real, artifactPath);
        stat = await fs.stat(real);
        current = real;
      } else {
        current = next;
      }
      if (!stat.isDirectory()) {
        if (!create) return undefined;
        const prefix = segments.slice(0, index + 1).join('/');
        throw invalidParameter(
          `Invalid path '${artifactPath}': '${prefix}' is a file`,
        );
      }
    }
    // Belt and braces: the folder reached is inside the root.
    this.assertInside(root, await fs.realpath(current), artifactPath);
    return current;
  }

  /** The folder `segments` name, made if missing (see {@link folder}). */
  private async makeFolder(segments: string[], artifactPath: string) {
    const folder = await this.folder(segments, artifactPath, true);
    if (!folder) throw new Error(`No folder was made for '${artifactPath}'`);
    return folder;
  }

  /** What a listed entry is, following a link only if it stays inside. */
  private async entryStat(root: string, entry: string) {
    const stat = await lstatIfAny(entry);
    if (!stat?.isSymbolicLink()) return stat;
    const real = await fs.realpath(entry).catch(() => undefined);
    if (!real || (real !== root && !real.startsWith(root + path.sep))) {
      return undefined;
    }
    return fs.stat(real).catch(() => undefined);
  }

  /**
   * Writes a file by `write` into a temporary file, then renames that over
   * `file` in `folder`: the swap is atomic, and a link found there is
   * replaced, not followed.
   */
  private async writeInto(
    folder: string,
    file: { path: string; name: string },
    write: (temp: string) => Promise<void>,
  ): Promise<void> {
    const target = path.join(folder, file.name);
    if ((await lstatIfAny(target))?.isDirectory()) {
      throw invalidParameter(`'${file.path}' is a folder`);
    }
    const temp = path.join(await this.realRoot(), TEMP, uuid());
    try {
      await write(temp);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
        throw invalidParameter(`'${file.path}' is a folder`);
      }
      throw error;
    }
  }

  private async uploadFolder(uploadId: string): Promise<string> {
    return path.join(await this.realRoot(), UPLOADS, uploadId);
  }

  /** The folder of an upload of `artifactPath`; any other id is unknown. */
  private async openUpload(
    artifactPath: string,
    uploadId: string,
  ): Promise<string> {
    const unknown = doesNotExist(
      `No upload '${uploadId}' of '${artifactPath}'`,
    );
    if (!isUploadId(uploadId)) {
      throw unknown;
    }
    const dir = await this.uploadFolder(uploadId);
    const target = await fs
      .readFile(path.join(dir, UPLOAD_TARGET), 'utf8')
      .catch(error => {
        if (isMissing(error)) return undefined;
        throw error;
      });
    if (target !== artifactPath) throw unknown;
    return dir;
  }
}
