import { Knex } from 'knex';
import { MonitorEvaluation, MonitorState } from '@ml-platform/plugin-ml-common';
import { isUniqueViolation } from '../../database/errors';

type EvaluationRow = {
  id: number | string;
  monitor_id: string;
  window_start: number | string;
  window_end: number | string;
  value: number | null;
  samples: number;
  state: string;
  transition: boolean | number;
  triggered_run_id: string | null;
  detail: string | null;
  evaluated_at: number | string;
};

/** A window's evaluation as the evaluator claims it. */
export interface NewEvaluation {
  monitorId: string;
  windowStartMs: number;
  windowEndMs: number;
  value?: number;
  samples: number;
  state: MonitorState;
  transition: boolean;
  detail?: string;
  evaluatedAtMs: number;
}

function present(row: EvaluationRow): MonitorEvaluation {
  return {
    id: String(row.id),
    monitorId: row.monitor_id,
    windowStart: new Date(Number(row.window_start)).toISOString(),
    windowEnd: new Date(Number(row.window_end)).toISOString(),
    ...(row.value !== null ? { value: row.value } : {}),
    samples: row.samples,
    state: row.state as MonitorState,
    transition: Boolean(row.transition),
    ...(row.triggered_run_id ? { triggeredRunId: row.triggered_run_id } : {}),
    ...(row.detail ? { detail: row.detail } : {}),
    evaluatedAt: new Date(Number(row.evaluated_at)).toISOString(),
  };
}

/** One row per evaluated window of a monitor (table `model_monitor_evaluations`). */
export class MonitorEvaluationStore {
  constructor(private readonly db: Knex) {}

  /**
   * Claims the window: inserts its evaluation, or returns false when another
   * backend inserted one for the same (monitor, window end) first. Only the
   * winner goes on to notify and start the job.
   */
  async claim(e: NewEvaluation): Promise<boolean> {
    try {
      await this.db('model_monitor_evaluations').insert({
        monitor_id: e.monitorId,
        window_start: e.windowStartMs,
        window_end: e.windowEndMs,
        value: e.value ?? null,
        samples: e.samples,
        state: e.state,
        transition: e.transition,
        detail: e.detail ?? null,
        evaluated_at: e.evaluatedAtMs,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Adds what happened after the claim: the run started and why not. */
  async complete(
    monitorId: string,
    windowEndMs: number,
    result: { triggeredRunId?: string; detail?: string },
  ): Promise<void> {
    const row: Partial<EvaluationRow> = {};
    if (result.triggeredRunId) row.triggered_run_id = result.triggeredRunId;
    if (result.detail !== undefined) row.detail = result.detail;
    if (Object.keys(row).length === 0) return;
    await this.db('model_monitor_evaluations')
      .where({ monitor_id: monitorId, window_end: windowEndMs })
      .update(row);
  }

  /** Newest window first, with the total for paging. */
  async list(
    monitorId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: MonitorEvaluation[]; totalSize: number }> {
    const base = this.db('model_monitor_evaluations').where({
      monitor_id: monitorId,
    });
    const [{ count }] = await base
      .clone()
      .count<{ count: number | string }[]>({ count: '*' });
    const rows: EvaluationRow[] = await base
      .clone()
      .orderBy('window_end', 'desc')
      .offset(page.offset)
      .limit(page.limit);
    return { items: rows.map(present), totalSize: Number(count) };
  }
}
