import { HOUR_MS, hourOf } from './hourCoverage';
import { RollupStore } from './RollupStore';

/**
 * Marks the closed hours of rows just written (late predictions, delayed
 * truth, points tracked for a past time) as changed, so their rollups are
 * read raw until rolled up again. Open hours need no mark: their rollup
 * starts after they close and sees what was written before.
 */
export async function markClosedHours(
  rollups: RollupStore,
  rows: Array<{ modelId: string; atMs: number }>,
  nowMs: number,
): Promise<void> {
  const byModel = new Map<string, Set<number>>();
  for (const row of rows) {
    const hour = hourOf(row.atMs);
    if (hour + HOUR_MS > nowMs) continue;
    const hours = byModel.get(row.modelId) ?? new Set<number>();
    hours.add(hour);
    byModel.set(row.modelId, hours);
  }
  for (const [modelId, hours] of byModel)
    await rollups.markChanged(modelId, [...hours], nowMs);
}
