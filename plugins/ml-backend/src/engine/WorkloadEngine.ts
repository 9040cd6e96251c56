import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ACTIVE_STATES,
  ResourceLimits,
  TERMINAL_STATES,
  Workspace,
  WorkloadKindName,
  WorkloadTrigger,
} from '@ml-platform/plugin-ml-common';
import {
  ComputeDriver,
  WorkloadSpec,
  isStartDeferredError,
} from '@ml-platform/plugin-ml-node';
import { v4 as uuid } from 'uuid';
import {
  QuotaStore,
  RuntimeStore,
  StoredWorkload,
  WorkloadStore,
  WorkspaceStore,
} from '../database';
import { EnvSecrets } from '../secrets/EnvSecrets';
import { SealedSecret } from '../secrets/SealedSecret';
import { explainNoFit, fitsSomeNode } from './capacity';
import { WorkloadTokens } from './WorkloadTokens';
import { AdmissionService } from './AdmissionService';
import { PlatformEvents } from './PlatformEvents';
import { ProjectFolders } from './ports';
import { explainOverQuota } from './quotaFit';
import { subjectLimit } from './subjectLimit';
import { withDefaultExperiment, withIdentityEnv } from './workloadEnv';

/** What a caller asks the engine to run. */
export interface SubmitWorkload {
  /** The workload's id when its env must name it (default: a new one). */
  id?: string;
  kind: WorkloadKindName;
  name?: string;
  project: { id: string; name: string; workspace: string; owner: string };
  runtimeId: string;
  profile?: string;
  resources: ResourceLimits;
  requester: string;
  args: string[];
  /** Already merged in precedence order (workloadEnv.ts). */
  env: Record<string, string>;
  /** The secret variables of the merge, sealed. */
  secretEnv?: Record<string, SealedSecret>;
  ports?: string[];
  priority?: number;
  maxAttempts?: number;
  retryBackoffSeconds?: number;
  timeoutSeconds?: number;
  idleTimeoutSeconds?: number;
  jobId?: string;
  trigger?: WorkloadTrigger;
  idempotencyKey?: string;
  /** Runs in this folder (a build snapshot) instead of the project's files. */
  workDir?: string;
  /** The model a build or replica belongs to; the workload API trusts only this. */
  modelId?: string;
  /** The deployment a model replica serves. */
  deploymentId?: string;
}

/** How long a workload whose driver deferred its start waits before admission tries again. */
const DEFERRED_RETRY_SECONDS = 15;

export interface EngineDeps {
  workloads: WorkloadStore;
  workspaces: WorkspaceStore;
  runtimes: RuntimeStore;
  files: ProjectFolders;
  admission: AdmissionService;
  driverFor: (workspace: Workspace) => ComputeDriver;
  logger: LoggerService;
  /** Where workloads reach the ML API (ML_API_URL). */
  apiUrl: string;
  /** Signs the token each workload attempt gets as ML_WORKLOAD_TOKEN. */
  tokens: WorkloadTokens;
  /** Opens the sealed secret env of a workload for its driver. */
  secrets: Pick<EnvSecrets, 'open'>;
  /** The clock (tests move it by hand). */
  now?: () => number;
  /**
   * Quotas, to pass each workload's charged limit to its driver
   * (WorkloadSpec.quota); without them specs carry none.
   */
  quotas?: Pick<QuotaStore, 'findBySubject'>;
  /**
   * Where the engine tells that a workload ended (`workloadEnded`); without
   * them nothing listens.
   */
  events?: PlatformEvents;
}

/**
 * Takes work in (submit), starts what admission lets through, and stops it.
 * The reconciler (Reconciler.ts) moves states from what drivers observe.
 */
export class WorkloadEngine {
  private readonly events: PlatformEvents;

  constructor(private readonly deps: EngineDeps) {
    this.events = deps.events ?? new PlatformEvents();
  }

  /** Tells the `workloadEnded` listeners; one that fails does not stop the others. */
  async notifyEnded(w: StoredWorkload) {
    await this.events.emitToAll('workloadEnded', w, error =>
      this.deps.logger.error(
        `Workload ${w.id} end listener failed`,
        error as Error,
      ),
    );
  }

  /**
   * Queues a workload and runs an admission pass so that work that fits
   * starts at once. A request that can never fit is refused here.
   */
  async submit(input: SubmitWorkload): Promise<StoredWorkload> {
    return (await this.enqueue(input)).workload;
  }

  /**
   * Like submit, but says whether the workload is new or an earlier one with
   * the same idempotency key.
   */
  async enqueue(
    input: SubmitWorkload,
  ): Promise<{ workload: StoredWorkload; created: boolean }> {
    const workspace = await this.deps.workspaces.get(input.project.workspace);
    if (!workspace) {
      throw new NotFoundError(
        `No workspace named '${input.project.workspace}'`,
      );
    }
    if (!fitsSomeNode(input.resources, workspace.nodeGroups)) {
      throw new InputError(
        `profile: ${explainNoFit(input.resources, workspace.nodeGroups)}`,
      );
    }
    // Work that asks more than its subject's whole quota would wait for
    // ever: refuse it now, as work that fits no node is.
    const limit = await this.limitOf(input.project.owner, workspace);
    const overQuota =
      limit && explainOverQuota(input.resources, input.project.owner, limit);
    if (overQuota) {
      throw new InputError(`profile: ${overQuota}`);
    }
    const { workload, created } = await this.deps.workloads.insert({
      id: input.id ?? uuid(),
      kind: input.kind,
      name: input.name,
      projectId: input.project.id,
      workspace: workspace.name,
      runtimeId: input.runtimeId,
      profile: input.profile,
      resources: input.resources,
      chargedSubject: input.project.owner,
      requester: input.requester,
      priority: input.priority,
      maxAttempts: input.maxAttempts ?? 1,
      retryBackoffSeconds: input.retryBackoffSeconds ?? 10,
      args: input.args,
      env: input.env,
      secretEnv: input.secretEnv,
      ports: input.ports ?? [],
      timeoutSeconds: input.timeoutSeconds,
      idleTimeoutSeconds: input.idleTimeoutSeconds,
      jobId: input.jobId,
      trigger: input.trigger,
      idempotencyKey: input.idempotencyKey,
      workDir: input.workDir,
      modelId: input.modelId,
      deploymentId: input.deploymentId,
    });
    if (created) {
      await this.admit(workspace);
    }
    return {
      workload: (await this.deps.workloads.get(workload.id)) ?? workload,
      created,
    };
  }

  /** One admission pass for a workspace, then starts what it admitted. */
  async admit(workspace: Workspace): Promise<number> {
    const admitted = await this.deps.admission.pass(workspace);
    await Promise.all(admitted.map(w => this.start(w, workspace)));
    return admitted.length;
  }

  /** The folder a workload runs in: its build snapshot, or its project's files. */
  workDirFor(w: StoredWorkload): string {
    return w.workDir ?? this.deps.files.dirFor(w.projectId);
  }

  /**
   * What the driver gets to start an attempt. The only place secret env is
   * decrypted: a key that does not open it fails the start with the reason.
   */
  async specFor(
    w: StoredWorkload,
    workspace?: Workspace,
  ): Promise<WorkloadSpec> {
    const runtime = await this.deps.runtimes.get(w.runtimeId);
    if (!runtime) {
      throw new NotFoundError(`runtime ${w.runtimeId} no longer exists`);
    }
    const quota = await this.chargedLimit(w, workspace);
    const token = await this.deps.tokens.issue({
      workloadId: w.id,
      attempt: w.attempt,
    });
    const { env, secretEnv: sealed } = withIdentityEnv(
      withDefaultExperiment(w),
      {
        ML_WORKLOAD_ID: w.id,
        ML_WORKLOAD_KIND: w.kind,
        ML_ATTEMPT: String(w.attempt),
        ML_PROJECT_ID: w.projectId,
        ML_WORKSPACE: w.workspace,
        ML_API_URL: this.deps.apiUrl,
        ML_WORKLOAD_TOKEN: token,
        // `import mlflow` works with no setup, as in CML.
        MLFLOW_TRACKING_URI: `${this.deps.apiUrl.replace(/\/$/, '')}/mlflow`,
        MLFLOW_TRACKING_TOKEN: token,
      },
    );
    const secretEnv = await this.deps.secrets.open(sealed);
    return {
      workloadId: w.id,
      attempt: w.attempt,
      kind: w.kind,
      workspace: w.workspace,
      projectId: w.projectId,
      projectName: w.env.ML_PROJECT_NAME ?? '',
      projectDir: this.workDirFor(w),
      runtime: {
        id: runtime.id,
        image: runtime.image,
        command: runtime.command,
      },
      resources: w.resources,
      args: w.args,
      env,
      ...(Object.keys(secretEnv).length > 0 ? { secretEnv } : {}),
      ports: w.ports,
      ...(quota ? { quota } : {}),
    };
  }

  /** The limit of the subject the workload is charged to, as admission sees it. */
  private async chargedLimit(
    w: StoredWorkload,
    workspace?: Workspace,
  ): Promise<ResourceLimits | undefined> {
    const ws = workspace ?? (await this.deps.workspaces.get(w.workspace));
    if (!ws) return undefined;
    return this.limitOf(w.chargedSubject, ws);
  }

  private async limitOf(
    subject: string,
    workspace: Workspace,
  ): Promise<ResourceLimits | undefined> {
    if (!this.deps.quotas) return undefined;
    return subjectLimit(
      subject,
      await this.deps.quotas.findBySubject(workspace.name, subject),
      workspace,
    );
  }

  /**
   * Hands admitted work to its driver; a refusal fails the attempt, a
   * deferral (e.g. the cluster's quota is used up) queues it again.
   */
  async start(w: StoredWorkload, workspace?: Workspace): Promise<void> {
    try {
      const ws = workspace ?? (await this.deps.workspaces.get(w.workspace));
      if (!ws)
        throw new NotFoundError(`workspace ${w.workspace} no longer exists`);
      await this.deps.driverFor(ws).start(await this.specFor(w, ws));
    } catch (error) {
      const message = (error as Error).message;
      if (isStartDeferredError(error)) {
        // Same attempt: nothing ran. Back to queued frees its reservation.
        const delaySeconds = error.retryAfterSeconds ?? DEFERRED_RETRY_SECONDS;
        await this.deps.workloads.transition(
          w.id,
          { from: ['starting'], attempt: w.attempt },
          'queued',
          {
            reason: message,
            node_id: null,
            retry_at: new Date(
              (this.deps.now?.() ?? Date.now()) + delaySeconds * 1000,
            ).toISOString(),
          },
        );
        return;
      }
      this.deps.logger.warn(`Could not start workload ${w.id}: ${message}`);
      const moved = await this.deps.workloads.transition(
        w.id,
        { from: ['starting'], attempt: w.attempt },
        'failed',
        {
          reason: `could not start: ${message}`,
          ended_at: new Date().toISOString(),
        },
      );
      if (moved) await this.notifyEnded({ ...w, state: 'failed' });
    }
  }

  /**
   * Stops every queued, starting or running workload of a project (sessions,
   * job runs, builds, model replicas, apps), so their reservations, and the
   * quota they charge, are released. A driver that fails to stop one is
   * logged: its state has moved already and the rest still stop. Returns how
   * many it stopped.
   */
  async stopAllOfProject(projectId: string, reason: string): Promise<number> {
    let stopped = 0;
    const failed = new Set<string>();
    // A few rounds: stopping admits queued work, and a trigger may still add some.
    for (let round = 0; round < 5; round++) {
      const { items } = await this.deps.workloads.list({
        projectId,
        states: ACTIVE_STATES,
        limit: 500,
      });
      const left = items.filter(w => !failed.has(w.id));
      if (left.length === 0) break;
      for (const w of left) {
        try {
          await this.stop(w.id, reason);
          stopped += 1;
        } catch (error) {
          failed.add(w.id);
          this.deps.logger.warn(
            `Could not stop workload ${w.id} of project ${projectId}: ${
              (error as Error).message
            }`,
          );
        }
      }
    }
    return stopped;
  }

  /**
   * Stops a workload wherever it is; stopping an ended one is a no-op. The
   * state changes first, so the reconciler, seeing the process die, does not
   * take the stop for a crash.
   */
  async stop(
    id: string,
    reason = 'stopped by a user',
  ): Promise<StoredWorkload> {
    const w = await this.deps.workloads.get(id);
    if (!w) throw new NotFoundError(`No workload with id '${id}'`);
    if (TERMINAL_STATES.includes(w.state)) return w;
    const moved = await this.deps.workloads.transition(
      id,
      { from: ['queued', 'starting', 'running'], attempt: w.attempt },
      'stopped',
      { reason, ended_at: new Date().toISOString() },
    );
    if (!moved) return (await this.deps.workloads.get(id))!;
    const ws = await this.deps.workspaces.get(w.workspace);
    if (ws && w.state !== 'queued') {
      await this.deps
        .driverFor(ws)
        .stop({ workloadId: w.id, attempt: w.attempt });
    }
    const after = (await this.deps.workloads.get(id))!;
    await this.notifyEnded(after);
    if (ws) await this.admit(ws);
    return after;
  }
}
