import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { ResourceProfile } from '@ml-platform/plugin-ml-common';
import { ProfileInput, ProfileUpdate } from '../apiInputs';
import { ListOptions, ListResult, ProfileStore } from '../database';
import { explainNoFit, fitsSomeNode } from '../engine/capacity';
import { createUnique } from '../database/errors';
import { WorkspaceService } from './WorkspaceService';

/**
 * Resource profiles. A profile must fit at least one node of its workspace,
 * otherwise work asking for it could never run.
 */
export class ProfileService {
  constructor(
    private readonly deps: {
      profiles: ProfileStore;
      workspaces: WorkspaceService;
    },
  ) {}

  async list(
    workspace: string,
    options: ListOptions,
  ): Promise<ListResult<ResourceProfile>> {
    await this.deps.workspaces.get(workspace);
    return this.deps.profiles.list(workspace, options);
  }

  async get(workspace: string, name: string): Promise<ResourceProfile> {
    const profile = await this.deps.profiles.get(workspace, name);
    if (!profile) {
      throw new NotFoundError(
        `No resource profile named '${name}' in workspace '${workspace}'`,
      );
    }
    return profile;
  }

  async create(
    workspace: string,
    input: ProfileInput,
  ): Promise<ResourceProfile> {
    const ws = await this.deps.workspaces.get(workspace);
    if (!fitsSomeNode(input, ws.nodeGroups)) {
      throw new InputError(
        `Resource profile '${input.name}': ${explainNoFit(
          input,
          ws.nodeGroups,
        )}`,
      );
    }
    const conflict = new ConflictError(
      `A resource profile named '${input.name}' already exists in workspace '${workspace}'`,
    );
    return createUnique(
      conflict,
      () => this.deps.profiles.get(workspace, input.name),
      () => this.deps.profiles.create({ workspace, ...input }),
    );
  }

  async update(
    workspace: string,
    name: string,
    patch: ProfileUpdate,
  ): Promise<ResourceProfile> {
    const ws = await this.deps.workspaces.get(workspace);
    const current = await this.get(workspace, name);
    const next = { ...current, ...patch };
    if (!fitsSomeNode(next, ws.nodeGroups)) {
      throw new InputError(
        `Resource profile '${name}': ${explainNoFit(next, ws.nodeGroups)}`,
      );
    }
    return (await this.deps.profiles.update(workspace, name, patch))!;
  }

  async delete(workspace: string, name: string): Promise<void> {
    await this.deps.workspaces.get(workspace);
    if (!(await this.deps.profiles.delete(workspace, name))) {
      throw new NotFoundError(
        `No resource profile named '${name}' in workspace '${workspace}'`,
      );
    }
  }
}
