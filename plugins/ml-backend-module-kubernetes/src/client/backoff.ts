/**
 * Capped exponential backoff with full jitter: a random delay up to
 * base·2^n, at most `capMs`, so many clients recovering from one outage do
 * not come back in step.
 */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly baseMs = 200,
    private readonly capMs = 30_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The delay before the next try; each call counts one more failure. */
  next(): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** this.failures);
    this.failures++;
    // At least half the ceiling: full jitter could retry at once.
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  reset(): void {
    this.failures = 0;
  }

  get attempts(): number {
    return this.failures;
  }
}
