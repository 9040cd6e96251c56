import { JsonColumn } from '../../database/jsonRowsInsert';
import { Metric } from './types';

/**
 * Metric points as the tracking tables keep them: NaN and infinities,
 * which SQL cannot hold as numbers, in `special`.
 */

export interface MetricRow {
  key: string;
  value: number | null;
  special: string | null;
  timestamp: number | string;
  step: number | string;
}

export const METRIC_COLUMNS: JsonColumn[] = [
  { name: 'run_id', pgType: 'text' },
  { name: 'key', pgType: 'text' },
  { name: 'value', pgType: 'double precision' },
  { name: 'special', pgType: 'text' },
  { name: 'timestamp', pgType: 'bigint' },
  { name: 'step', pgType: 'bigint' },
];

// The newer point replaces the latest one: higher step, then timestamp, then
// value (MLflow's order), NaN and infinities comparing as lowest.
export const NEWER_THAN_LATEST = `
  ON CONFLICT ("run_id", "key") DO UPDATE SET
    "value" = excluded."value", "special" = excluded."special",
    "timestamp" = excluded."timestamp", "step" = excluded."step"
  WHERE excluded."step" > ml_run_latest_metrics."step"
    OR (excluded."step" = ml_run_latest_metrics."step"
      AND (excluded."timestamp" > ml_run_latest_metrics."timestamp"
        OR (excluded."timestamp" = ml_run_latest_metrics."timestamp"
          AND excluded."value" IS NOT NULL
          AND (ml_run_latest_metrics."value" IS NULL
            OR excluded."value" > ml_run_latest_metrics."value"))))`;

/** Whether `a` is a later point than `b` by MLflow's rule. */
export function later(a: Metric, b: Metric): boolean {
  if (a.step !== b.step) return a.step > b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  if (typeof a.value !== 'number') return false;
  return typeof b.value !== 'number' || a.value > b.value;
}

export function metricTuple(runId: string, m: Metric): unknown[] {
  const numeric = typeof m.value === 'number';
  return [
    runId,
    m.key,
    numeric ? m.value : null,
    numeric ? null : m.value,
    m.timestamp,
    m.step,
  ];
}

export function metricOf(row: MetricRow): Metric {
  return {
    key: row.key,
    value:
      row.value === null
        ? (row.special as 'NaN' | 'Infinity' | '-Infinity')
        : Number(row.value),
    timestamp: Number(row.timestamp),
    step: Number(row.step),
  };
}
