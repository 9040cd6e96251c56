import { LiveStateSignals } from './LiveStateSignals';
import {
  StateChange,
  StateChangeCursor,
  StateChangeStore,
} from './StateChangeStore';

/** How many changes one read takes; a busier second takes several reads. */
const PAGE_SIZE = 500;
/** Reads per tick at most, so that one tick cannot run away under a storm. */
const MAX_PAGES_PER_TICK = 20;

/**
 * Turns committed state changes into signals. Each tick reads what changed
 * since the last one (the first tick only takes the present as its start)
 * and signals the projects and workspaces concerned. It reads the database
 * rather than hooking every place that moves a state: a workload moves in
 * the engine, the reconciler, the drivers' callbacks and inside other
 * transactions, and a signal sent before its transaction committed would
 * make a page re-read the old state.
 */
export class StateChangeFeed {
  private cursor?: StateChangeCursor;

  constructor(
    private readonly deps: {
      store: StateChangeStore;
      signals: LiveStateSignals;
      pageSize?: number;
    },
  ) {}

  async tick(): Promise<void> {
    if (!this.cursor) {
      this.cursor = await this.deps.store.cursorNow();
      return;
    }
    const pageSize = this.deps.pageSize ?? PAGE_SIZE;
    const changes: StateChange[] = [];
    let cursor = this.cursor;
    for (let page = 0; page < MAX_PAGES_PER_TICK; page++) {
      const read = await this.deps.store.changesAfter(cursor, pageSize);
      changes.push(...read.changes);
      cursor = read.cursor;
      if (!read.more) break;
    }
    // One signal per channel for the whole tick; a failed read leaves the
    // cursor where it was, so the next tick reads the same again.
    await this.deps.signals.publish(changes);
    this.cursor = cursor;
  }
}
