import { InputError, NotFoundError } from '@backstage/errors';
import {
  EnvVars,
  Project,
  ResourceProfile,
  Runtime,
  Workspace,
} from '@ml-platform/plugin-ml-common';
import {
  ProfileStore,
  RuntimeStore,
  StoredWorkload,
  WorkspaceStore,
} from '../database';
import { SubmitWorkload, WorkloadEngine } from './WorkloadEngine';
import { mergeEnvLayers } from './workloadEnv';

/** Finds a project by id, throwing when there is none (the project service). */
export interface ProjectLookup {
  get(projectId: string): Promise<Project>;
}

export interface WorkloadLauncherDeps {
  projects: ProjectLookup;
  workspaces: Pick<WorkspaceStore, 'get'>;
  runtimes: Pick<RuntimeStore, 'get'>;
  profiles: Pick<ProfileStore, 'get' | 'listAll'>;
  engine: Pick<WorkloadEngine, 'enqueue'>;
}

/** What a workload runs in and on; resolved once, launched one or more times. */
export interface Placement {
  project: Project;
  workspace: Workspace;
  runtimeId: string;
  /** The runtime, when the placement checked it. */
  runtime?: Runtime;
  profile: ResourceProfile;
}

export interface PlacementRequest {
  /** The project, or the id of one to look up. */
  project: Project | string;
  runtimeId: string;
  /**
   * Whether the runtime must exist and be enabled. New work checks it; saved
   * work (a job's run, an app's start, a build's replicas) was checked when
   * it was saved and still starts on a runtime disabled since.
   */
  checkRuntime?: boolean;
  /** A resource profile of the project's workspace; none: its smallest. */
  profile?: string;
  /** The error for a profile that is not there; by default a 400 naming `profile`. */
  missingProfile?: (profile: string, workspace: string) => Error;
}

/** What to run; the placement gives the rest. */
export type LaunchRequest = Pick<
  SubmitWorkload,
  | 'id'
  | 'kind'
  | 'name'
  | 'requester'
  | 'args'
  | 'ports'
  | 'maxAttempts'
  | 'retryBackoffSeconds'
  | 'timeoutSeconds'
  | 'idleTimeoutSeconds'
  | 'jobId'
  | 'trigger'
  | 'idempotencyKey'
  | 'workDir'
  | 'modelId'
  | 'deploymentId'
> & {
  /**
   * The workload's own env layers (sealed), lowest precedence first; they
   * go over the workspace's and the project's (workloadEnv.ts).
   */
  env: EnvVars[];
  /** Its platform variables besides ML_PROJECT_NAME; they win over every layer. */
  platformEnv?: Record<string, string>;
};

const missingProfileInput = (profile: string, workspace: string) =>
  new InputError(
    `profile: no resource profile '${profile}' in workspace '${workspace}'`,
  );

/**
 * The one way features start work: a placement (project -> workspace ->
 * runtime -> profile) and a launch (resources, the merged env, submit).
 */
export class WorkloadLauncher {
  constructor(private readonly deps: WorkloadLauncherDeps) {}

  /** Resolves where work runs; every problem with what was asked names its field. */
  async place(request: PlacementRequest): Promise<Placement> {
    const project =
      typeof request.project === 'string'
        ? await this.deps.projects.get(request.project)
        : request.project;
    const workspace = await this.deps.workspaces.get(project.workspace);
    if (!workspace)
      throw new NotFoundError(`No workspace named '${project.workspace}'`);
    const runtime = request.checkRuntime
      ? await this.runtime(request.runtimeId)
      : undefined;
    const profile = await this.profile(project.workspace, request);
    return {
      project,
      workspace,
      runtimeId: request.runtimeId,
      runtime,
      profile,
    };
  }

  /**
   * Submits work to the engine; `created` is false when the idempotency key
   * names an earlier workload, which is returned instead.
   */
  async launch(
    placement: Placement,
    request: LaunchRequest,
  ): Promise<{ workload: StoredWorkload; created: boolean }> {
    const { project, workspace, profile } = placement;
    const { env, platformEnv, ...rest } = request;
    return this.deps.engine.enqueue({
      ...rest,
      project: {
        id: project.id,
        name: project.name,
        workspace: project.workspace,
        owner: project.owner,
      },
      runtimeId: placement.runtimeId,
      profile: profile.name,
      resources: {
        cpu: profile.cpu,
        memoryMiB: profile.memoryMiB,
        gpu: profile.gpu,
      },
      ...mergeEnvLayers([workspace.env, project.env, ...env], {
        ML_PROJECT_NAME: project.name,
        ...platformEnv,
      }),
    });
  }

  private async runtime(runtimeId: string): Promise<Runtime> {
    const runtime = await this.deps.runtimes.get(runtimeId);
    if (!runtime)
      throw new InputError(`runtimeId: no runtime with id '${runtimeId}'`);
    if (!runtime.enabled)
      throw new InputError(`runtimeId: runtime '${runtimeId}' is disabled`);
    return runtime;
  }

  private async profile(
    workspace: string,
    request: PlacementRequest,
  ): Promise<ResourceProfile> {
    if (!request.profile) {
      const smallest = [...(await this.deps.profiles.listAll(workspace))].sort(
        (a, b) => a.cpu - b.cpu || a.memoryMiB - b.memoryMiB || a.gpu - b.gpu,
      )[0];
      if (!smallest) {
        throw new InputError(
          `profile: workspace '${workspace}' has no resource profiles`,
        );
      }
      return smallest;
    }
    const profile = await this.deps.profiles.get(workspace, request.profile);
    if (!profile) {
      throw (request.missingProfile ?? missingProfileInput)(
        request.profile,
        workspace,
      );
    }
    return profile;
  }
}
