import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  mlProjectReadPermission,
  mlProjectWritePermission,
} from '@ml-platform/plugin-ml-common';
import { Request } from 'express';
import { RequestAccess } from '../access/RequestAccess';
import { ProjectStore, StoredWorkload, WorkloadStore } from '../database';
import { WorkloadTokens } from '../engine/WorkloadTokens';
import { workloadOfToken } from '../workloads/api/workloadAuth';
import { MlflowError } from './MlflowError';

/**
 * Who calls the tracking API: a workload with its own token (it may use its
 * project's experiments, as the job's code would), or a signed-in user with
 * the project roles they hold.
 */
export type TrackingCaller =
  | { kind: 'workload'; workload: StoredWorkload; userId: string }
  | { kind: 'user'; credentials: BackstageCredentials; userId: string };

/** What a call needs on the project: reads, or changes (CML's Contributor). */
export type TrackingNeed = 'read' | 'write';

const PERMISSION = {
  read: mlProjectReadPermission,
  write: mlProjectWritePermission,
} as const;

/**
 * Project permissions for the tracking API, with MLflow's error codes: a
 * project the caller may not read is reported as the missing resource, so
 * that its experiments' existence does not leak.
 */
export class TrackingAccess {
  constructor(
    private readonly deps: {
      access: RequestAccess;
      tokens: WorkloadTokens;
      workloads: WorkloadStore;
      projects: ProjectStore;
    },
  ) {}

  /** The caller, from a workload token or the user's Backstage token. */
  async caller(req: Request): Promise<TrackingCaller> {
    const workload = await workloadOfToken(
      this.deps,
      req.headers.authorization,
    );
    if (workload === 'invalid') {
      throw new MlflowError(
        'UNAUTHENTICATED',
        'The workload token is not valid, or its workload has ended',
      );
    }
    if (workload) {
      return { kind: 'workload', workload, userId: workload.requester };
    }
    try {
      const user = await this.deps.access.user(req);
      return { kind: 'user', credentials: user.credentials, userId: user.ref };
    } catch {
      throw new MlflowError(
        'UNAUTHENTICATED',
        'The tracking API needs a Backstage user token or a workload token (MLFLOW_TRACKING_TOKEN) as a Bearer token',
      );
    }
  }

  /**
   * Passes when the caller holds `need` on the project; `missing` is the
   * error to report when they may not even read it.
   */
  async requireProject(
    caller: TrackingCaller,
    projectId: string,
    need: TrackingNeed,
    missing: () => MlflowError,
  ): Promise<void> {
    if (caller.kind === 'workload') {
      if (caller.workload.projectId !== projectId) throw missing();
      return;
    }
    try {
      await this.deps.access.authorizeProject(
        caller.credentials,
        projectId,
        PERMISSION[need],
      );
    } catch (error) {
      if (error instanceof NotFoundError) throw missing();
      if (error instanceof NotAllowedError) {
        throw new MlflowError('PERMISSION_DENIED', error.message);
      }
      throw error;
    }
  }

  /**
   * The projects whose experiments the caller may see, for searches; with
   * `name`, only those of that name.
   */
  async readableProjectIds(
    caller: TrackingCaller,
    name?: string,
  ): Promise<string[]> {
    if (caller.kind === 'workload') return [caller.workload.projectId];
    const readable = await this.deps.access.readableProjects(
      caller.credentials,
    );
    if ('none' in readable) return [];
    return this.deps.projects.ids(
      'criteria' in readable ? readable.criteria : undefined,
      name,
    );
  }

  /**
   * The project a new experiment or registered model goes to: the
   * workload's own; for a user, the one named with the `ml.project_id` tag
   * or else by the first part of a name like `<project name>/<name>` (for
   * clients that send no tags when they create things).
   */
  async projectForNew(
    caller: TrackingCaller,
    taggedProjectId: string | undefined,
    name: string,
  ): Promise<string> {
    if (caller.kind === 'workload') {
      const own = caller.workload.projectId;
      if (taggedProjectId && taggedProjectId !== own) {
        throw new MlflowError(
          'PERMISSION_DENIED',
          `A workload creates experiments and models in its own project ('${own}') only`,
        );
      }
      return own;
    }
    const projectId =
      taggedProjectId ?? (await this.projectNamedBy(caller, name));
    const missing = () =>
      new MlflowError(
        'RESOURCE_DOES_NOT_EXIST',
        `No project with id '${projectId}'`,
      );
    await this.requireProject(caller, projectId, 'write', missing);
    return projectId;
  }

  /** The one readable project whose name is the name's first part. */
  private async projectNamedBy(
    caller: TrackingCaller,
    name: string,
  ): Promise<string> {
    const prefix = name.split('/')[0];
    const byName = name.includes('/')
      ? await this.readableProjectIds(caller, prefix)
      : [];
    if (byName.length !== 1) {
      throw new MlflowError(
        'INVALID_PARAMETER_VALUE',
        byName.length > 1
          ? `Several projects you can read are named '${prefix}': say which one with the tag 'ml.project_id'`
          : "Say which ML project it belongs to: with the tag 'ml.project_id', or by naming it '<project name>/<name>' (workloads need neither: theirs is used)",
      );
    }
    return byName[0];
  }
}
