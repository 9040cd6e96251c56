import { CatalogImpact } from './changedPaths';

/** What to refresh, gathered from the changes of a short while. */
export interface PendingChanges {
  all: boolean;
  newProjects: boolean;
  projectIds: Set<string>;
}

/**
 * Gathers catalog impacts and hands them over in one batch once no change
 * came for `quietMs` (but at most `maxWaitMs` after the first), so a burst
 * of writes (a template creating a project, a job and a model) makes one
 * refresh.
 */
export class ChangeQueue {
  readonly #quietMs: number;
  readonly #maxWaitMs: number;
  readonly #flush: (changes: PendingChanges) => void;
  #pending: PendingChanges | undefined;
  #firstAt = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: {
    quietMs: number;
    maxWaitMs: number;
    flush: (changes: PendingChanges) => void;
  }) {
    this.#quietMs = options.quietMs;
    this.#maxWaitMs = options.maxWaitMs;
    this.#flush = options.flush;
  }

  add(impact: CatalogImpact) {
    if (impact.type === 'none') {
      return;
    }
    if (!this.#pending) {
      this.#pending = { all: false, newProjects: false, projectIds: new Set() };
      this.#firstAt = Date.now();
    }
    if (impact.type === 'all') {
      this.#pending.all = true;
    } else if (impact.type === 'new-projects') {
      this.#pending.newProjects = true;
    } else {
      this.#pending.projectIds.add(impact.projectId);
    }
    clearTimeout(this.#timer);
    const wait = Math.max(
      0,
      Math.min(this.#quietMs, this.#firstAt + this.#maxWaitMs - Date.now()),
    );
    this.#timer = setTimeout(() => this.flushNow(), wait);
    this.#timer.unref?.();
  }

  /** Hands over what is pending now, if anything. */
  flushNow() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending) {
      this.#flush(pending);
    }
  }

  /** Drops what is pending (at shutdown). */
  clear() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
  }
}
