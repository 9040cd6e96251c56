import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ACTIVE_STATES,
  NodeGroup,
  ResourceLimits,
  Workspace,
  WorkspaceAvailability,
  WorkspaceCapacity,
} from '@ml-platform/plugin-ml-common';
import { WorkspaceInput, WorkspaceUpdate } from '../apiInputs';
import {
  ListOptions,
  ListResult,
  ProfileStore,
  ProjectStore,
  WorkloadStore,
  WorkspaceStore,
} from '../database';
import { describeActiveWork } from './describeActiveWork';
import {
  explainNoFit,
  fitsSomeNode,
  largestNode,
  maximumCapacity,
  minimumCapacity,
} from '../engine/capacity';
import { createUnique } from '../database/errors';
import { EnvSecrets } from '../secrets/EnvSecrets';

/** CML's default quota for users without one of their own. */
export const CML_DEFAULT_USER_QUOTA: ResourceLimits = {
  cpu: 2,
  memoryMiB: 8192,
  gpu: 0,
};

/** Reports what running work holds in a workspace (the engine's reservations). */
export type WorkspaceUsageSource = (
  workspace: string,
) => Promise<ResourceLimits>;

/**
 * Workspaces: the admin's compute services. Keeps node groups consistent with
 * the resource profiles that must fit them.
 */
export class WorkspaceService {
  constructor(
    private readonly deps: {
      workspaces: WorkspaceStore;
      /** Seals the site env's secrets before they are stored. */
      secrets: Pick<EnvSecrets, 'seal'>;
      profiles: ProfileStore;
      projects: ProjectStore;
      /** Queued, starting and running work (for refusing to delete a workspace in use). */
      workloads: Pick<WorkloadStore, 'list'>;
      installedDrivers: () => string[];
      defaultUserQuota?: ResourceLimits;
      usage?: WorkspaceUsageSource;
      /** Whether the workspace's driver can run work now (undefined: it cannot tell). */
      availability?: (
        workspace: Workspace,
      ) => Promise<WorkspaceAvailability | undefined>;
    },
  ) {}

  async list(options: ListOptions): Promise<ListResult<Workspace>> {
    const page = await this.deps.workspaces.list(options);
    return {
      ...page,
      items: await Promise.all(page.items.map(w => this.withAvailability(w))),
    };
  }

  async get(name: string): Promise<Workspace> {
    const workspace = await this.deps.workspaces.get(name);
    if (!workspace) {
      throw new NotFoundError(`No workspace named '${name}'`);
    }
    return this.withAvailability(workspace);
  }

  private async withAvailability(workspace: Workspace): Promise<Workspace> {
    const availability = await this.deps.availability?.(workspace);
    return availability ? { ...workspace, availability } : workspace;
  }

  async create(input: WorkspaceInput, actor: string): Promise<Workspace> {
    const drivers = this.deps.installedDrivers();
    if (!drivers.includes(input.driver)) {
      throw new InputError(
        `driver: '${
          input.driver
        }' is not installed in this backend (installed: ${drivers.join(', ')})`,
      );
    }
    return createUnique(
      new ConflictError(`A workspace named '${input.name}' already exists`),
      () => this.deps.workspaces.get(input.name),
      async () =>
        this.deps.workspaces.create({
          name: input.name,
          title: input.title ?? input.name,
          description: input.description,
          owner: input.owner ?? actor,
          driver: input.driver,
          nodeGroups: input.nodeGroups,
          env: await this.deps.secrets.seal(input.env),
          defaultUserQuota:
            input.defaultUserQuota ??
            this.deps.defaultUserQuota ??
            CML_DEFAULT_USER_QUOTA,
        }),
    );
  }

  async update(name: string, patch: WorkspaceUpdate): Promise<Workspace> {
    const current = await this.get(name);
    if (patch.nodeGroups) {
      await this.assertProfilesStillFit(name, patch.nodeGroups);
    }
    const env =
      patch.env && (await this.deps.secrets.seal(patch.env, current.env));
    const updated = await this.deps.workspaces.update(name, { ...patch, env });
    if (!updated) {
      throw new NotFoundError(`No workspace named '${name}'`);
    }
    return updated;
  }

  async delete(name: string): Promise<void> {
    await this.get(name);
    // Work first: it may belong to projects deleted before their work was
    // stopped with them, and it says best what is in the way.
    const active = await this.deps.workloads.list({
      workspace: name,
      states: ACTIVE_STATES,
      limit: 500,
    });
    if (active.totalSize > 0) {
      const work = await Promise.all(
        active.items.map(async w => ({
          kind: w.kind,
          project:
            (await this.deps.projects.get(w.projectId))?.name ??
            w.env.ML_PROJECT_NAME ??
            w.projectId,
        })),
      );
      const more = active.totalSize - active.items.length;
      throw new ConflictError(
        `Workspace '${name}' still runs ${describeActiveWork(work)}${
          more > 0 ? ` (and ${more} more)` : ''
        }; stop them first`,
      );
    }
    const projects = await this.deps.projects.countInWorkspace(name);
    if (projects > 0) {
      throw new ConflictError(
        `Workspace '${name}' still has ${projects} project${
          projects === 1 ? '' : 's'
        }; delete or move them first`,
      );
    }
    await this.deps.workspaces.delete(name);
  }

  async capacity(name: string): Promise<WorkspaceCapacity> {
    const workspace = await this.get(name);
    const used = this.deps.usage
      ? await this.deps.usage(name)
      : { cpu: 0, memoryMiB: 0, gpu: 0 };
    return {
      current: minimumCapacity(workspace.nodeGroups),
      maximum: maximumCapacity(workspace.nodeGroups),
      used,
      largestNode: largestNode(workspace.nodeGroups),
    };
  }

  private async assertProfilesStillFit(name: string, groups: NodeGroup[]) {
    const profiles = await this.deps.profiles.listAll(name);
    const orphaned = profiles.filter(p => !fitsSomeNode(p, groups));
    if (orphaned.length > 0) {
      throw new InputError(
        `nodeGroups: resource profile ${orphaned
          .map(p => `'${p.name}'`)
          .join(', ')} would no longer fit: ${explainNoFit(
          orphaned[0],
          groups,
        )}. Change or delete the profile first`,
      );
    }
  }
}
