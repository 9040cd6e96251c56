import { ServiceUnavailableError } from '@backstage/errors';
import { performance } from 'node:perf_hooks';
import { ServingReplica } from './ModelDirectory';
import { ModelBusyError } from './errors';

interface Slot {
  replica: ServingReplica;
  /** Set when the replica left the directory; it is dropped when released. */
  gone: boolean;
  busy: boolean;
}

interface Waiter {
  exclude?: string;
  resolve: (lease: Lease) => void;
  reject: (error: Error) => void;
  /** performance.now() after which it gets `model.busy`. */
  deadline: number;
}

/** One replica, held by one request until `release`. */
export interface Lease {
  replica: ServingReplica;
  /** `failed`: the replica could not be reached; it rests before taking work again. */
  release(outcome?: 'ok' | 'failed'): void;
}

const slotKey = (r: ServingReplica) => `${r.workloadId} ${r.url}`;

/**
 * The replicas of one model and who holds them. Each replica serves one
 * request at a time; a request waits (FIFO) for a free replica up to the
 * queue timeout and then gets `model.busy`.
 */
export class ReplicaPool {
  private readonly slots = new Map<string, Slot>();
  private free: Slot[] = [];
  private readonly waiters: Waiter[] = [];
  private current: ServingReplica[] = [];
  /**
   * One timer for the whole queue, due at the oldest waiter's deadline
   * (waiters queue in deadline order): no timer is set or cleared per
   * request. When the oldest leaves early it fires early and re-arms.
   */
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      queueTimeoutMs: number;
      /** How long a replica that could not be reached is left out. */
      failureRestMs: number;
    },
  ) {}

  get size(): number {
    return this.slots.size;
  }

  /** Requests waiting for a replica now. */
  get waiting(): number {
    return this.waiters.length;
  }

  /**
   * Makes the pool hold exactly these replicas. Replicas that left finish
   * what they are doing and are not used again; new ones take waiting work.
   */
  setReplicas(replicas: ServingReplica[]): void {
    if (replicas === this.current) return;
    this.current = replicas;
    const wanted = new Map(replicas.map(r => [slotKey(r), r]));
    for (const [key, slot] of this.slots) {
      if (!wanted.has(key)) {
        slot.gone = true;
        this.slots.delete(key);
      }
    }
    this.free = this.free.filter(s => !s.gone);
    for (const [key, replica] of wanted) {
      if (!this.slots.has(key)) {
        const slot: Slot = { replica, gone: false, busy: false };
        this.slots.set(key, slot);
        this.hand(slot);
      }
    }
    if (this.slots.size === 0) {
      for (const waiter of this.waiters.splice(0)) {
        waiter.reject(
          new ServiceUnavailableError('The model has no ready replica now'),
        );
      }
    }
  }

  /**
   * A free replica, waiting for one if all are busy. Undefined when no
   * replica (other than `excludeWorkloadId`) exists at all.
   */
  acquire(excludeWorkloadId?: string): Promise<Lease> | undefined {
    let candidates = this.slots.size;
    if (excludeWorkloadId !== undefined) {
      for (const slot of this.slots.values()) {
        if (slot.replica.workloadId === excludeWorkloadId) candidates -= 1;
      }
    }
    if (candidates === 0) return undefined;

    const index = this.free.findIndex(
      s => s.replica.workloadId !== excludeWorkloadId,
    );
    if (index >= 0) {
      const [slot] = this.free.splice(index, 1);
      return Promise.resolve(this.lease(slot));
    }
    return new Promise<Lease>((resolve, reject) => {
      this.waiters.push({
        exclude: excludeWorkloadId,
        resolve,
        reject,
        deadline: performance.now() + this.options.queueTimeoutMs,
      });
      this.arm();
    });
  }

  /** Rejects everything waiting (the backend is shutting down). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of this.waiters.splice(0)) {
      waiter.reject(
        new ServiceUnavailableError('The serving gateway is shutting down'),
      );
    }
  }

  private arm() {
    if (this.timer || this.waiters.length === 0) return;
    const due = Math.max(0, this.waiters[0].deadline - performance.now());
    // Unref'd: a waiting request's socket keeps the process alive anyway.
    this.timer = setTimeout(() => this.expire(), Math.ceil(due)).unref();
  }

  /** Refuses the waiters whose deadline has passed, oldest first. */
  private expire() {
    this.timer = undefined;
    const now = performance.now();
    while (this.waiters.length > 0 && this.waiters[0].deadline <= now) {
      this.waiters
        .shift()!
        .reject(
          new ModelBusyError(
            `All ${this.slots.size} replica(s) of the model stayed busy for ${this.options.queueTimeoutMs} ms; retry later or add replicas`,
          ),
        );
    }
    this.arm();
  }

  private lease(slot: Slot): Lease {
    slot.busy = true;
    let released = false;
    return {
      replica: slot.replica,
      release: outcome => {
        if (released) return;
        released = true;
        slot.busy = false;
        if (slot.gone) return;
        if (outcome === 'failed') {
          setTimeout(() => {
            if (!slot.gone && !slot.busy) this.hand(slot);
          }, this.options.failureRestMs).unref();
          return;
        }
        this.hand(slot);
      },
    };
  }

  /** Gives a free replica to the first waiter that may take it, else frees it. */
  private hand(slot: Slot) {
    const index = this.waiters.findIndex(
      w => w.exclude !== slot.replica.workloadId,
    );
    if (index >= 0) {
      const waiter =
        index === 0 ? this.waiters.shift()! : this.waiters.splice(index, 1)[0];
      waiter.resolve(this.lease(slot));
      return;
    }
    this.free.push(slot);
  }
}
