/** A row of a chart over time: `time` in epoch ms and its series' values. */
export type TimeRow = { time: number } & Record<string, number | null>;

/**
 * The rows with gaps that a line shows as gaps: a missing value becomes
 * null (recharts breaks a line at null when it does not connect nulls), and
 * where rows are further apart than a step, a row of nulls goes between.
 */
export function withGaps<T extends { time: number }>(
  rows: T[],
  keys: string[],
  stepMs: number,
): TimeRow[] {
  const out: TimeRow[] = [];
  const nulls = Object.fromEntries(keys.map(k => [k, null]));
  for (const row of rows) {
    const previous = out[out.length - 1];
    if (previous && row.time - previous.time > 1.5 * stepMs) {
      out.push({ ...nulls, time: previous.time + stepMs });
    }
    const gapped: TimeRow = { ...(row as unknown as TimeRow) };
    for (const key of keys) {
      const value = (row as Record<string, unknown>)[key];
      gapped[key] = typeof value === 'number' ? value : null;
    }
    out.push(gapped);
  }
  return out;
}

/** Up to this many values, every one is drawn as a dot on its line. */
const FEW_POINTS = 20;

/**
 * Whether a series needs dots to be seen: it has few values, or a value
 * with no neighbour, which a line alone does not draw.
 */
export function needsDots(rows: TimeRow[], key: string): boolean {
  const has = (i: number) => typeof rows[i]?.[key] === 'number';
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    if (has(i)) {
      count++;
      if (!has(i - 1) && !has(i + 1)) {
        return true;
      }
    }
  }
  return count <= FEW_POINTS;
}

/** The colours of the drift heat strip: stable, to watch, drifted. */
export const DRIFT_COLORS = {
  none: '#E2E8F0',
  ok: '#48BB78',
  watch: '#ECC94B',
  drifted: '#E53E3E',
};

/** How drifted a PSI is: under 0.1 stable, up to 0.25 to watch, else drifted. */
export function psiLevel(psi: number | undefined): keyof typeof DRIFT_COLORS {
  if (psi === undefined) {
    return 'none';
  }
  if (psi < 0.1) {
    return 'ok';
  }
  return psi <= 0.25 ? 'watch' : 'drifted';
}
