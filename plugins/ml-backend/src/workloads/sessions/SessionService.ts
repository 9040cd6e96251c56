import { ConflictError, NotFoundError } from '@backstage/errors';
import { SessionInput } from '../../apiInputs';
import { StoredWorkload } from '../../database';
import { LaunchDeps } from '../../engine/launchDeps';
import { CellRecorder } from './sessionCell';
import { SessionTranscriptStore } from './SessionTranscriptStore';

/** What a transcript keeps: a cell's output beyond it is cut, older cells are not shown. */
const MAX_KEPT_OUTPUT_CHARS = 64 * 1024;
const MAX_TRANSCRIPT_CELLS = 200;

/** CML's defaults: 60 minutes idle, 7 days at most. */
export const DEFAULT_SESSION_IDLE_SECONDS = 60 * 60;
export const DEFAULT_SESSION_MAX_SECONDS = 7 * 24 * 3600;

/**
 * Interactive sessions: a Python kernel per session (the console talks to
 * it) plus a port for a web UI of the user's own.
 */
export class SessionService {
  constructor(
    private readonly deps: LaunchDeps & {
      idleTimeoutSeconds: number;
      maxDurationSeconds: number;
      transcripts: SessionTranscriptStore;
    },
  ) {}

  async launch(
    projectId: string,
    input: SessionInput,
    actor: string,
  ): Promise<StoredWorkload> {
    const placement = await this.deps.launcher.place({
      project: projectId,
      runtimeId: input.runtimeId,
      checkRuntime: true,
      profile: input.profile,
    });
    const sessionEnv = await this.deps.secrets.seal(input.env);
    const { workload } = await this.deps.launcher.launch(placement, {
      kind: 'session',
      name: input.name ?? `${placement.runtime!.kernel} session`,
      requester: actor,
      args: ['-m', 'ml_platform.session_kernel'],
      env: [sessionEnv],
      ports: ['kernel', 'app'],
      idleTimeoutSeconds: this.deps.idleTimeoutSeconds,
      timeoutSeconds: this.deps.maxDurationSeconds,
    });
    return workload;
  }

  async list(projectId: string, limit = 50, offset = 0) {
    await this.deps.projects.get(projectId);
    return this.deps.workloads.list({
      projectId,
      kind: 'session',
      limit,
      offset,
    });
  }

  async get(projectId: string, sessionId: string): Promise<StoredWorkload> {
    const w = await this.deps.workloads.get(sessionId);
    if (!w || w.projectId !== projectId || w.kind !== 'session') {
      throw new NotFoundError(
        `No session with id '${sessionId}' in this project`,
      );
    }
    return w;
  }

  /**
   * Runs code in the session's kernel and yields its output events (NDJSON
   * lines) as they come.
   */
  async *execute(
    projectId: string,
    sessionId: string,
    code: string,
    signal?: AbortSignal,
  ): AsyncIterable<string> {
    const session = await this.get(projectId, sessionId);
    if (session.state !== 'running') {
      throw new ConflictError(
        `Session is ${session.state}${
          session.reason ? ` (${session.reason})` : ''
        }; code runs only in a running session`,
      );
    }
    const workspace = (await this.deps.workspaces.get(session.workspace))!;
    const driver = this.deps.driverFor(workspace);
    // Only the driver can reach the kernel: it holds the kernel's secret
    // (and, on Kubernetes, the way into the pod).
    if (!driver.exec) {
      throw new ConflictError(
        `The '${driver.name}' driver of workspace '${workspace.name}' has no console`,
      );
    }
    const ref = { workloadId: session.id, attempt: session.attempt };
    await this.deps.workloads.touchActivity(session.id);
    const startedAt = new Date().toISOString();
    const lines = driver.exec(ref, code, { signal })[Symbol.asyncIterator]();
    // Refusals (a kernel not reachable yet) come with the first step, before
    // the cell is in the transcript: only code that ran is kept.
    const first = await lines.next();
    const cellId = await this.deps.transcripts.start(
      session.id,
      code,
      startedAt,
    );
    const cell = new CellRecorder(MAX_KEPT_OUTPUT_CHARS);
    let failure: string | undefined;
    try {
      for (let step = first; !step.done; step = await lines.next()) {
        cell.push(step.value);
        yield step.value;
      }
    } catch (error) {
      failure = signal?.aborted
        ? 'The console was closed before the code finished'
        : String((error as Error).message ?? error);
      throw error;
    } finally {
      if (!cell.done && !failure) {
        failure = 'The output stopped before the code finished';
      }
      await this.deps.transcripts.finish(cellId, {
        output: cell.output,
        error: cell.error,
        failure,
        truncated: cell.truncated,
        endedAt: new Date().toISOString(),
      });
    }
    await this.deps.workloads.touchActivity(session.id);
  }

  /** The session's console transcript: its last cells, oldest first. */
  async transcript(projectId: string, sessionId: string) {
    await this.get(projectId, sessionId);
    return this.deps.transcripts.list(sessionId, MAX_TRANSCRIPT_CELLS);
  }
}
