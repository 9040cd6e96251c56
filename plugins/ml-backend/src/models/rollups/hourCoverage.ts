/** An hour, in epoch milliseconds. */
export const HOUR_MS = 60 * 60 * 1000;

/** A range of time, epoch milliseconds, start inclusive and end exclusive. */
export interface TimeSpan {
  fromMs: number;
  toMs: number;
}

/** How a read's windows split between rollups and raw rows. */
export interface WindowPlan {
  /** Window index -> the rolled-up hours that make it up. */
  rolled: Map<number, number[]>;
  /** Contiguous runs of the other windows, each starting on a window start. */
  raw: TimeSpan[];
}

/**
 * Which windows of a read (`count` windows of `stepMs` from `fromMs`, the
 * last ending at `toMs` at most) come whole from rollups: those that start
 * on an hour, span whole hours, end within the range, and whose hours are
 * all in `covered`. The rest are read raw, in as few ranges as possible.
 */
export function planWindows(
  read: TimeSpan & { stepMs: number; count: number },
  covered: Set<number>,
): WindowPlan {
  const { fromMs, toMs, stepMs, count } = read;
  const rolled = new Map<number, number[]>();
  const raw: TimeSpan[] = [];
  const wholeHours = stepMs % HOUR_MS === 0 && fromMs % HOUR_MS === 0;
  for (let i = 0; i < count; i++) {
    const start = fromMs + i * stepMs;
    const end = Math.min(toMs, start + stepMs);
    const hours: number[] = [];
    if (wholeHours && end === start + stepMs) {
      for (let h = start; h < end && covered.has(h); h += HOUR_MS)
        hours.push(h);
    }
    if (hours.length > 0 && hours.length * HOUR_MS === stepMs) {
      rolled.set(i, hours);
      continue;
    }
    const last = raw[raw.length - 1];
    if (last && last.toMs === start) last.toMs = end;
    else raw.push({ fromMs: start, toMs: end });
  }
  return { rolled, raw };
}

/** The start of the hour `atMs` lies in. */
export function hourOf(atMs: number): number {
  return Math.floor(atMs / HOUR_MS) * HOUR_MS;
}
