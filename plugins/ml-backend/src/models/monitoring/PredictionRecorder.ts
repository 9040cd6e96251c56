import { LoggerService } from '@backstage/backend-plugin-api';
import { PredictionRow, PredictionStore } from './PredictionStore';

export interface PredictionRecorderOptions {
  /** A flush starts once this many records wait. */
  batchSize: number;
  /** ... or this long after the first waiting record. */
  flushIntervalMs: number;
  /**
   * Records kept while the database is slow or down; beyond it the oldest
   * are dropped (and counted) rather than growing the backend's memory.
   */
  maxBuffered: number;
}

/**
 * How the plugin batches predictions. On SQLite a write blocks the event
 * loop (better-sqlite3 is synchronous) and each commit syncs the file: at up
 * to ~2k predictions/s, the interval rather than the size ends a batch, so
 * it is about one commit per second.
 */
export const PREDICTION_RECORDER_OPTIONS: PredictionRecorderOptions = {
  batchSize: 2000,
  flushIntervalMs: 1000,
  maxBuffered: 100_000,
};

const MAX_FLUSH_FAILURES = 3;

/**
 * Records predictions off the response path: `record` only appends to a
 * buffer; one writer at a time flushes it in batches, when the batch is full
 * or the interval has passed, and on shutdown.
 */
export class PredictionRecorder {
  private buffer: PredictionRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private dropped = 0;
  private failures = 0;
  private inFlight: PredictionRow[] = [];
  private stopped = false;

  constructor(
    private readonly deps: { store: PredictionStore; logger: LoggerService },
    private readonly options: PredictionRecorderOptions,
  ) {}

  record(row: PredictionRow): void {
    if (this.buffer.length >= this.options.maxBuffered) {
      this.buffer.shift();
      this.dropped += 1;
    }
    this.buffer.push(row);
    if (this.buffer.length >= this.options.batchSize) {
      this.kick();
    } else if (!this.timer && !this.stopped) {
      this.timer = setTimeout(() => this.kick(), this.options.flushIntervalMs);
      this.timer.unref();
    }
  }

  /** A record not yet written (delayed metrics may arrive before the flush). */
  pending(uuid: string): PredictionRow | undefined {
    return (
      this.buffer.find(r => r.uuid === uuid) ??
      this.inFlight.find(r => r.uuid === uuid)
    );
  }

  /** Writes everything recorded so far; resolves when it is stored. */
  async flush(): Promise<void> {
    const failuresBefore = this.failures;
    while (this.writing || this.buffer.length > 0) {
      if (!this.writing) this.kick();
      await this.writing;
      if (this.failures - failuresBefore >= MAX_FLUSH_FAILURES) {
        throw new Error(
          `Could not write ${this.buffer.length} prediction records`,
        );
      }
    }
  }

  /** Flushes and stops the timer; later records are still written by flush(). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private kick() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing || this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.inFlight = batch;
    this.writing = this.write(batch).finally(() => {
      this.writing = undefined;
      this.inFlight = [];
      // What arrived while writing goes in the next batch, now if it is full.
      if (this.buffer.length >= this.options.batchSize) this.kick();
      else if (this.buffer.length > 0 && !this.timer && !this.stopped) {
        this.timer = setTimeout(
          () => this.kick(),
          this.options.flushIntervalMs,
        );
        this.timer.unref();
      }
    });
  }

  private async write(batch: PredictionRow[]) {
    if (this.dropped > 0) {
      this.deps.logger.warn(
        `Dropped ${this.dropped} prediction records: the database did not keep up`,
      );
      this.dropped = 0;
    }
    try {
      await this.deps.store.insertBatch(batch);
    } catch (error) {
      this.failures += 1;
      this.deps.logger.error(
        `Writing ${batch.length} prediction records failed; retrying with the next batch`,
        error as Error,
      );
      // Back to the front of the buffer, within its bound.
      const room = Math.max(0, this.options.maxBuffered - this.buffer.length);
      this.buffer = [...(room > 0 ? batch.slice(-room) : []), ...this.buffer];
      await new Promise(resolve =>
        setTimeout(resolve, this.options.flushIntervalMs).unref(),
      );
    }
  }
}
