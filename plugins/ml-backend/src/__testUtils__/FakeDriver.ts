import {
  ComputeDriver,
  ObservedPhase,
  ObservedWorkload,
  WorkloadRef,
  StartDeferredError,
  WorkloadSpec,
} from '@ml-platform/plugin-ml-node';

interface FakeRun {
  spec: WorkloadSpec;
  phase: ObservedPhase;
  exitCode?: number;
  reason?: string;
}

/** A driver whose workloads do what the test says, for engine tests. */
export class FakeDriver implements ComputeDriver {
  readonly name = 'local';
  readonly runs = new Map<string, FakeRun>();
  readonly started: string[] = [];
  readonly stopped: string[] = [];
  failStarts = false;
  /** Set: starts are deferred with this reason (as a cluster quota refusal). */
  deferStarts?: string;
  /** Set: the driver reports every workspace unavailable with this message. */
  unavailable?: string;

  private key(ref: WorkloadRef) {
    return `${ref.workloadId}#${ref.attempt}`;
  }

  async start(spec: WorkloadSpec) {
    if (this.failStarts) throw new Error('no such image');
    if (this.deferStarts) throw new StartDeferredError(this.deferStarts);
    const k = this.key(spec);
    if (this.runs.has(k)) return;
    this.started.push(k);
    this.runs.set(k, { spec, phase: 'running' });
  }

  async stop(ref: WorkloadRef) {
    const run = this.runs.get(this.key(ref));
    this.stopped.push(this.key(ref));
    if (run && (run.phase === 'running' || run.phase === 'pending')) {
      Object.assign(run, {
        phase: 'failed',
        exitCode: 143,
        reason: 'killed by signal 15',
      });
    }
  }

  async observe(): Promise<ObservedWorkload[]> {
    return [...this.runs.values()].map(r => ({
      workloadId: r.spec.workloadId,
      attempt: r.spec.attempt,
      phase: r.phase,
      exitCode: r.exitCode,
      reason: r.reason,
    }));
  }

  async forget(ref: WorkloadRef) {
    this.runs.delete(this.key(ref));
  }

  async status() {
    return this.unavailable
      ? { available: false, message: this.unavailable }
      : { available: true };
  }

  async *logs(): AsyncIterable<string> {}

  async endpoint() {
    return undefined;
  }

  /** Ends a running workload as if its process exited. */
  exit(workloadId: string, exitCode: number) {
    for (const run of this.runs.values()) {
      if (run.spec.workloadId === workloadId && run.phase === 'running') {
        run.phase = exitCode === 0 ? 'succeeded' : 'failed';
        run.exitCode = exitCode;
        run.reason = `exited with code ${exitCode}`;
      }
    }
  }

  /** Forgets everything, as a machine that lost its processes would. */
  loseAll() {
    this.runs.clear();
  }
}
