import { NotFoundError } from '@backstage/errors';
import {
  Project,
  ResourceLimits,
  Workload,
  Workspace,
  WorkspaceNode,
} from '@ml-platform/plugin-ml-common';
import { ComputeDriver, LogReadOptions } from '@ml-platform/plugin-ml-node';
import {
  QueueStore,
  QuotaStore,
  StoredWorkload,
  WorkloadStore,
  WorkspaceStore,
  publicWorkload,
} from '../database';
import { WorkloadEngine } from '../engine/WorkloadEngine';
import { FollowStreamLimiter } from './FollowStreamLimiter';
import { LogTail, LogWindow } from './LogWindow';

/** What the workspace queue page shows. */
export interface WorkspaceQueue {
  queued: Workload[];
  running: Workload[];
  nodes: WorkspaceNode[];
}

/** The quota that applies to a project's work and what its owner uses now. */
export interface ProjectQuota {
  subject: string;
  /** Undefined: a team without a quota, limited only by capacity. */
  limit?: ResourceLimits;
  used: ResourceLimits;
}

/** Reads about any workload: state, history, logs; stop; the queue view. */
export class WorkloadService {
  constructor(
    private readonly deps: {
      workloads: WorkloadStore;
      workspaces: WorkspaceStore;
      queue: QueueStore;
      quotas: QuotaStore;
      engine: WorkloadEngine;
      driverFor: (workspace: Workspace) => ComputeDriver;
      /** The most of a log a read without `follow` holds and answers. */
      maxLogReadBytes: number;
      followStreams: FollowStreamLimiter;
    },
  ) {}

  async load(id: string): Promise<StoredWorkload> {
    const w = await this.deps.workloads.get(id);
    if (!w) throw new NotFoundError(`No workload with id '${id}'`);
    return w;
  }

  /** The public shape, with its queue position while queued. */
  async present(w: StoredWorkload): Promise<Workload> {
    const out = publicWorkload(w);
    if (w.state === 'queued') {
      out.queuePosition = (
        await this.deps.queue.queuePositions(w.workspace)
      ).get(w.id);
    }
    return out;
  }

  async presentMany(items: StoredWorkload[]): Promise<Workload[]> {
    const positions = new Map<string, Map<string, number>>();
    const out: Workload[] = [];
    for (const w of items) {
      const p = publicWorkload(w);
      if (w.state === 'queued') {
        if (!positions.has(w.workspace)) {
          positions.set(
            w.workspace,
            await this.deps.queue.queuePositions(w.workspace),
          );
        }
        p.queuePosition = positions.get(w.workspace)!.get(w.id);
      }
      out.push(p);
    }
    return out;
  }

  async events(id: string) {
    await this.load(id);
    return this.deps.workloads.events(id);
  }

  async stop(id: string): Promise<Workload> {
    return this.present(await this.deps.engine.stop(id));
  }

  /** Log lines of an attempt (the current one by default). */
  async logs(id: string, options: { attempt?: number } & LogReadOptions) {
    const w = await this.load(id);
    const workspace = await this.deps.workspaces.get(w.workspace);
    if (!workspace)
      throw new NotFoundError(`No workspace named '${w.workspace}'`);
    const attempt = options.attempt ?? w.attempt;
    if (attempt < 1 || attempt > w.attempt) {
      throw new NotFoundError(`Workload '${id}' has no attempt ${attempt}`);
    }
    const { attempt: _attempt, ...read } = options;
    return this.deps
      .driverFor(workspace)
      .logs({ workloadId: id, attempt }, read);
  }

  /**
   * The end of an attempt's log as it is now: its last `tail` lines (all by
   * default), never more than the configured byte limit, and whether
   * anything before them was left out.
   */
  async readLog(
    id: string,
    options: { attempt?: number; tail?: number },
  ): Promise<LogTail> {
    const window = new LogWindow({
      maxBytes: this.deps.maxLogReadBytes,
      maxLines: options.tail,
    });
    const lines = await this.logs(id, {
      attempt: options.attempt,
      follow: false,
      tail: {
        bytes: this.deps.maxLogReadBytes,
        skipped: () => window.markTruncated(),
      },
    });
    for await (const line of lines) window.push(line);
    return window.result();
  }

  /** Takes one of the caller's follow-stream slots (429 when none is left). */
  openFollowStream(caller: string): () => void {
    return this.deps.followStreams.acquire(caller);
  }

  /** Work of a project is charged to its owner (CML's rule). */
  async projectQuota(project: Project): Promise<ProjectQuota> {
    const { queue } = this.deps;
    const usage = await queue.transaction(tx =>
      queue.usageBySubject(tx, project.workspace),
    );
    const own = await this.deps.quotas.findBySubject(
      project.workspace,
      project.owner,
    );
    const workspace = await this.deps.workspaces.get(project.workspace);
    // The owner's own quota wins; a user without one gets the workspace's
    // default, a group none.
    let limit: ProjectQuota['limit'];
    if (own) {
      limit = { cpu: own.cpu, memoryMiB: own.memoryMiB, gpu: own.gpu };
    } else if (project.owner.startsWith('user:')) {
      limit = workspace?.defaultUserQuota;
    }
    return {
      subject: project.owner,
      limit,
      used: usage.get(project.owner) ?? { cpu: 0, memoryMiB: 0, gpu: 0 },
    };
  }

  /**
   * The workspace's queue, running work and nodes; work of projects the
   * caller may not read (`mayRead`) is left out.
   */
  async queue(
    workspaceName: string,
    mayRead: (projectId: string) => Promise<boolean>,
  ): Promise<WorkspaceQueue> {
    const workspace = await this.deps.workspaces.get(workspaceName);
    if (!workspace)
      throw new NotFoundError(`No workspace named '${workspaceName}'`);
    const { queue, workloads } = this.deps;
    const queued = await workloads.list({
      workspace: workspaceName,
      states: ['queued'],
      limit: 500,
    });
    const running = await workloads.list({
      workspace: workspaceName,
      states: ['starting', 'running'],
      limit: 500,
    });
    const allocations = await queue.transaction(tx =>
      queue.allocationsByNode(tx, workspaceName),
    );
    const now = Date.now();
    const nodes: WorkspaceNode[] = (
      await queue.nodes(undefined, workspaceName)
    ).map(n => {
      const group = workspace.nodeGroups.find(g => g.name === n.node_group);
      return {
        id: n.id,
        workspace: workspaceName,
        group: n.node_group,
        ready: Date.parse(n.ready_at) <= now,
        readyAt: n.ready_at,
        allocated: allocations.get(n.id) ?? { cpu: 0, memoryMiB: 0, gpu: 0 },
        capacity: {
          cpu: group?.cpu ?? 0,
          memoryMiB: group?.memoryMiB ?? 0,
          gpu: group?.gpu ?? 0,
        },
      };
    });
    const visible = async (items: StoredWorkload[]) => {
      const seen = await Promise.all(items.map(w => mayRead(w.projectId)));
      return items.filter((_, i) => seen[i]);
    };
    const presentedQueue = (
      await this.presentMany(await visible(queued.items))
    ).sort((a, b) => (a.queuePosition ?? 0) - (b.queuePosition ?? 0));
    return {
      queued: presentedQueue,
      running: await this.presentMany(await visible(running.items)),
      nodes,
    };
  }
}
