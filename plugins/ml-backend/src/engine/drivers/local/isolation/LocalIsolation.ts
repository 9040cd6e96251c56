import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  ProjectIdentities,
  UidRange,
  WorkloadIdentity,
} from './ProjectIdentities';
import { layOutStorage, PUBLIC_SDK_FOLDER } from './storageLayout';
import { adoptWorkDir, unsearchableAncestor } from './workDir';

/** @public */
export interface LocalIsolationOptions {
  /** The driver's state folder; project uids are kept in `identities/` there. */
  stateDir: string;
  logger: LoggerService;
  /** Default: true. */
  enabled?: boolean;
  /** Default: 50000 uids from 200000. */
  uidRange?: UidRange;
  /** The storage root to lay out (see layOutStorage); none for a bare driver. */
  storageRoot?: string;
  /** The in-workload SDK, checked once for being readable by other users. */
  sdkPath?: string;
  /** Whether the backend runs as root; a seam for tests. */
  isRoot?: () => boolean;
}

const DEFAULT_RANGE: UidRange = { first: 200_000, count: 50_000 };

/** Copies a tree (no caches) with folders 0755 and files 0644. */
async function copyReadable(from: string, to: string): Promise<void> {
  await fs.rm(to, { recursive: true, force: true });
  await fs.cp(from, to, {
    recursive: true,
    filter: source => path.basename(source) !== '__pycache__',
  });
  const walk = async (dir: string) => {
    await fs.chmod(dir, 0o755);
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) await fs.chmod(full, 0o644);
    }
  };
  await walk(to);
}

/**
 * Per-project uids for the local driver: who a project's workloads run as,
 * and the folders that go with it. Active only when the backend is root
 * (only root can switch uids) and not switched off; otherwise every
 * workload runs as the backend's own user, as before, and one warning says
 * so.
 *
 * @public
 */
export class LocalIsolation {
  readonly active: boolean;
  private readonly identities?: ProjectIdentities;
  private storageReady?: Promise<void>;
  private sdkCopy?: string;

  constructor(private readonly options: LocalIsolationOptions) {
    const isRoot = options.isRoot ?? (() => process.getuid?.() === 0);
    const root = isRoot();
    this.active = root && options.enabled !== false;
    if (!root) {
      options.logger.warn(
        "The backend does not run as root, so local workloads run as its own user (single-user mode): they are not isolated from each other, can read every project and the backend's files, and can read each other's environment (tokens) in /proc. Run the backend as root for per-project uids, or use the Kubernetes driver.",
      );
    } else if (!this.active) {
      options.logger.warn(
        "ml.localDriver.isolation.enabled is false: local workloads run as root and are not isolated from each other or from the backend's files.",
      );
    } else {
      this.identities = new ProjectIdentities(
        path.join(options.stateDir, 'identities'),
        options.uidRange ?? DEFAULT_RANGE,
      );
    }
  }

  /** The project's uid and gid; undefined when isolation is not active. */
  async identityFor(projectId: string): Promise<WorkloadIdentity | undefined> {
    return this.identities?.identityFor(projectId);
  }

  /** Lays out the storage root once per instance (start-up calls it; so does the first start). */
  prepareStorage(): Promise<void> {
    if (!this.active) return Promise.resolve();
    this.storageReady ??= this.layOut();
    return this.storageReady;
  }

  /**
   * Hands a folder of the project (its files, a build snapshot) to the
   * project's uid if it is not yet (see adoptWorkDir) and says who that is;
   * undefined when isolation is not active. ProjectFiles calls it too.
   */
  async claim(
    projectId: string,
    dir: string,
  ): Promise<WorkloadIdentity | undefined> {
    if (!this.active) return undefined;
    const identity = (await this.identityFor(projectId))!;
    await adoptWorkDir(dir, identity, this.options.logger);
    return identity;
  }

  /**
   * Readies the folder a workload of the project runs in and says who it
   * runs as (undefined: the backend's own user).
   */
  async prepareWorkDir(
    dir: string,
    projectId: string,
  ): Promise<WorkloadIdentity | undefined> {
    if (!this.active) return undefined;
    await this.prepareStorage();
    const identity = await this.claim(projectId, dir);
    const blocked = await unsearchableAncestor(dir);
    if (blocked) {
      throw new InputError(
        `Workloads of project ${projectId} run as uid ${
          identity!.uid
        }, which cannot reach ${dir}: ${blocked} is closed to other users (give it o+x, or move ml.storage.root)`,
      );
    }
    return identity;
  }

  private async layOut() {
    const { storageRoot, sdkPath, logger } = this.options;
    if (storageRoot) await layOutStorage(storageRoot);
    const hardlinks = await fs
      .readFile('/proc/sys/fs/protected_hardlinks', 'utf8')
      .catch(() => undefined);
    if (hardlinks?.trim() === '0') {
      logger.warn(
        'fs.protected_hardlinks is 0: a workload can hard-link files it cannot read into its project; the backend refuses to read such files, but set it to 1 (sysctl fs.protected_hardlinks=1)',
      );
    }
    if (!sdkPath) return;
    const ancestor = await unsearchableAncestor(sdkPath);
    const readable = ((await fs.stat(sdkPath)).mode & 0o005) === 0o005;
    const blocked = ancestor ?? (readable ? undefined : sdkPath);
    if (!blocked) return;
    // A checkout under a closed folder (root's home) is common: workloads
    // get a readable copy in the storage root instead (a bare driver's:
    // the folder of its state).
    const root = storageRoot ?? path.dirname(this.options.stateDir);
    const copy = path.join(root, PUBLIC_SDK_FOLDER);
    await copyReadable(sdkPath, copy);
    this.sdkCopy = copy;
    logger.info(
      `The SDK at ${sdkPath} is closed to project uids (${blocked}); workloads use a copy at ${copy}`,
    );
  }

  /** Where workloads find the SDK: the original, or its readable copy. */
  sdkPathFor(sdkPath: string): string {
    return this.sdkCopy && sdkPath === this.options.sdkPath
      ? this.sdkCopy
      : sdkPath;
  }
}
