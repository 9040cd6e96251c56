import { CustomErrorBase } from '@backstage/errors';

/** Too many requests of one kind at once; the backend answers 429. */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError';
  statusCode = 429;
}

/**
 * Open log follow streams per caller. A follow stream lives as long as its
 * workload runs, so without a cap one user's tabs (or a script) could hold
 * any number of connections and file handles. Counted per backend instance.
 */
export class FollowStreamLimiter {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerCaller: number) {}

  /**
   * Takes a slot for the caller, or throws 429 when all of theirs are in
   * use. The returned release may be called any number of times.
   */
  acquire(caller: string): () => void {
    const count = this.open.get(caller) ?? 0;
    if (count >= this.maxPerCaller) {
      throw new TooManyRequestsError(
        `You already follow ${count} logs at once, the most allowed (ml.logs.maxFollowStreamsPerUser); close a log you follow elsewhere, or read the log without follow=true`,
      );
    }
    this.open.set(caller, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(caller) ?? 1) - 1;
      if (left > 0) this.open.set(caller, left);
      else this.open.delete(caller);
    };
  }

  /** Open streams of a caller (for tests and diagnostics). */
  count(caller: string): number {
    return this.open.get(caller) ?? 0;
  }
}
