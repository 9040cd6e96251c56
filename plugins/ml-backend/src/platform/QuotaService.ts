import { ConflictError, NotFoundError } from '@backstage/errors';
import { Quota } from '@ml-platform/plugin-ml-common';
import { QuotaInput, QuotaUpdate } from '../apiInputs';
import { ListOptions, ListResult, QuotaStore } from '../database';
import { createUnique } from '../database/errors';
import { WorkspaceService } from './WorkspaceService';

/**
 * Quotas per user and per team in a workspace. Users without a quota of
 * their own get the workspace's `defaultUserQuota`.
 */
export class QuotaService {
  constructor(
    private readonly deps: { quotas: QuotaStore; workspaces: WorkspaceService },
  ) {}

  async list(
    workspace: string,
    options: ListOptions,
  ): Promise<ListResult<Quota>> {
    await this.deps.workspaces.get(workspace);
    return this.deps.quotas.list(workspace, options);
  }

  async create(workspace: string, input: QuotaInput): Promise<Quota> {
    await this.deps.workspaces.get(workspace);
    const conflict = new ConflictError(
      `${input.subject} already has a quota in workspace '${workspace}'; edit that one`,
    );
    return createUnique(
      conflict,
      () => this.deps.quotas.findBySubject(workspace, input.subject),
      () => this.deps.quotas.create({ workspace, ...input }),
    );
  }

  async update(
    workspace: string,
    id: string,
    patch: QuotaUpdate,
  ): Promise<Quota> {
    await this.deps.workspaces.get(workspace);
    const updated = await this.deps.quotas.update(workspace, id, patch);
    if (!updated) {
      throw new NotFoundError(
        `No quota with id '${id}' in workspace '${workspace}'`,
      );
    }
    return updated;
  }

  async delete(workspace: string, id: string): Promise<void> {
    await this.deps.workspaces.get(workspace);
    if (!(await this.deps.quotas.delete(workspace, id))) {
      throw new NotFoundError(
        `No quota with id '${id}' in workspace '${workspace}'`,
      );
    }
  }
}
