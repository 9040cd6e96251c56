import { MlflowRun } from '../../../api';
import { ValueColumn, runValue, valueColumnsOf } from '../runs';

/** One param or metric across the compared runs. */
export interface DiffRow {
  column: ValueColumn;
  /** By run, in the runs' order; '' where a run has none. */
  values: string[];
  /** Whether the runs do not all have the same value. */
  differs: boolean;
}

/** The params, then the latest metrics, of the runs side by side. */
export function runDiff(runs: readonly MlflowRun[]): DiffRow[] {
  return valueColumnsOf(runs).map(column => {
    const values = runs.map(run => runValue(run, column));
    return { column, values, differs: new Set(values).size > 1 };
  });
}

/** A metric's histories of several runs as rows by step, a key per run. */
export function overlaidHistories(
  histories: { runId: string; points: { step: number; value: number }[] }[],
): Record<string, number>[] {
  const bySteps = new Map<number, Record<string, number>>();
  for (const { runId, points } of histories) {
    for (const point of points) {
      const row = bySteps.get(point.step) ?? { step: point.step };
      // The last value logged at a step wins, as MLflow's charts show it.
      row[runId] = point.value;
      bySteps.set(point.step, row);
    }
  }
  return [...bySteps.values()].sort((a, b) => a.step - b.step);
}
