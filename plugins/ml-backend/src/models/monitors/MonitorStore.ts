import { Knex } from 'knex';
import {
  ModelMonitor,
  MonitorMetric,
  MonitorState,
} from '@ml-platform/plugin-ml-common';
import { isUniqueViolation } from '../../database/errors';

type MonitorRow = {
  id: string;
  project_id: string;
  model_id: string;
  name: string;
  metric: string;
  window_seconds: number;
  threshold: number;
  direction: string;
  min_samples: number;
  cooldown_seconds: number;
  trigger_job_id: string | null;
  enabled: boolean | number;
  state: string;
  state_since: number | string;
  last_value: number | null;
  last_samples: number | null;
  last_window_end: number | string | null;
  last_triggered_at: number | string | null;
  created_by: string;
  created_at: number | string;
  updated_at: number | string;
};

/** A monitor as stored: times in epoch ms. */
export interface StoredMonitor {
  id: string;
  projectId: string;
  modelId: string;
  name: string;
  metric: MonitorMetric;
  windowSeconds: number;
  threshold: number;
  direction: 'above' | 'below';
  minSamples: number;
  cooldownSeconds: number;
  triggerJobId?: string;
  enabled: boolean;
  state: MonitorState;
  stateSinceMs: number;
  lastValue?: number;
  lastSamples?: number;
  lastWindowEndMs?: number;
  lastTriggeredAtMs?: number;
  createdBy: string;
  createdAtMs: number;
  updatedAtMs: number;
}

/** The fields a monitor is created with. */
export type NewMonitor = Pick<
  StoredMonitor,
  | 'id'
  | 'projectId'
  | 'modelId'
  | 'name'
  | 'metric'
  | 'windowSeconds'
  | 'threshold'
  | 'direction'
  | 'minSamples'
  | 'cooldownSeconds'
  | 'triggerJobId'
  | 'enabled'
  | 'createdBy'
> & { atMs: number };

/** The fields a user may change. `triggerJobId: null` removes the job. */
export type MonitorChanges = Partial<
  Pick<
    StoredMonitor,
    | 'name'
    | 'metric'
    | 'windowSeconds'
    | 'threshold'
    | 'direction'
    | 'minSamples'
    | 'cooldownSeconds'
    | 'enabled'
  >
> & { triggerJobId?: string | null };

/** What an evaluation changes on its monitor. */
export interface MonitorOutcome {
  state: MonitorState;
  /** Set when the state changed. */
  stateSinceMs?: number;
  value?: number;
  samples: number;
  windowEndMs: number;
  triggeredAtMs?: number;
}

const optionalMs = (v: number | string | null) =>
  v === null ? undefined : Number(v);

function fromRow(row: MonitorRow): StoredMonitor {
  return {
    id: row.id,
    projectId: row.project_id,
    modelId: row.model_id,
    name: row.name,
    metric: JSON.parse(row.metric),
    windowSeconds: row.window_seconds,
    threshold: row.threshold,
    direction: row.direction as StoredMonitor['direction'],
    minSamples: row.min_samples,
    cooldownSeconds: row.cooldown_seconds,
    triggerJobId: row.trigger_job_id ?? undefined,
    enabled: Boolean(row.enabled),
    state: row.state as MonitorState,
    stateSinceMs: Number(row.state_since),
    lastValue: row.last_value ?? undefined,
    lastSamples: row.last_samples ?? undefined,
    lastWindowEndMs: optionalMs(row.last_window_end),
    lastTriggeredAtMs: optionalMs(row.last_triggered_at),
    createdBy: row.created_by,
    createdAtMs: Number(row.created_at),
    updatedAtMs: Number(row.updated_at),
  };
}

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** A stored monitor as the API shows it. */
export function presentMonitor(m: StoredMonitor): ModelMonitor {
  return {
    id: m.id,
    projectId: m.projectId,
    modelId: m.modelId,
    name: m.name,
    metric: m.metric,
    windowSeconds: m.windowSeconds,
    threshold: m.threshold,
    direction: m.direction,
    minSamples: m.minSamples,
    cooldownSeconds: m.cooldownSeconds,
    ...(m.triggerJobId ? { triggerJobId: m.triggerJobId } : {}),
    enabled: m.enabled,
    state: m.state,
    stateSince: iso(m.stateSinceMs)!,
    ...(m.lastValue !== undefined ? { lastValue: m.lastValue } : {}),
    ...(m.lastSamples !== undefined ? { lastSamples: m.lastSamples } : {}),
    ...(m.lastWindowEndMs !== undefined
      ? { lastWindowEnd: iso(m.lastWindowEndMs) }
      : {}),
    ...(m.lastTriggeredAtMs !== undefined
      ? { lastTriggeredAt: iso(m.lastTriggeredAtMs) }
      : {}),
    createdBy: m.createdBy,
    createdAt: iso(m.createdAtMs)!,
    updatedAt: iso(m.updatedAtMs)!,
  };
}

/** Monitors of models (table `model_monitors`). */
export class MonitorStore {
  constructor(private readonly db: Knex) {}

  /** Creates it in state `pending`; undefined when the model has a monitor of that name. */
  async create(m: NewMonitor): Promise<StoredMonitor | undefined> {
    try {
      await this.db('model_monitors').insert({
        id: m.id,
        project_id: m.projectId,
        model_id: m.modelId,
        name: m.name,
        metric: JSON.stringify(m.metric),
        window_seconds: m.windowSeconds,
        threshold: m.threshold,
        direction: m.direction,
        min_samples: m.minSamples,
        cooldown_seconds: m.cooldownSeconds,
        trigger_job_id: m.triggerJobId ?? null,
        enabled: m.enabled,
        state: 'pending',
        state_since: m.atMs,
        created_by: m.createdBy,
        created_at: m.atMs,
        updated_at: m.atMs,
      });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
    return this.get(m.id);
  }

  async get(id: string): Promise<StoredMonitor | undefined> {
    const row = await this.db<MonitorRow>('model_monitors')
      .where({ id })
      .first();
    return row ? fromRow(row) : undefined;
  }

  /** The model's monitors, sorted by name. */
  async listByModel(modelId: string): Promise<StoredMonitor[]> {
    const rows: MonitorRow[] = await this.db('model_monitors')
      .where({ model_id: modelId })
      .orderBy('name');
    return rows.map(fromRow);
  }

  /** Every enabled monitor, in one read. */
  async listEnabled(): Promise<StoredMonitor[]> {
    const rows: MonitorRow[] = await this.db('model_monitors')
      .where({ enabled: true })
      .orderBy('id');
    return rows.map(fromRow);
  }

  /**
   * Applies a user's changes; `restart` puts it back to `pending` with no
   * last window (a changed metric, window or threshold). Undefined when the
   * new name is taken.
   */
  async update(
    id: string,
    changes: MonitorChanges,
    options: { atMs: number; restart: boolean },
  ): Promise<StoredMonitor | undefined> {
    const row: Partial<Record<keyof MonitorRow, unknown>> = {
      updated_at: options.atMs,
    };
    if (changes.name !== undefined) row.name = changes.name;
    if (changes.metric !== undefined)
      row.metric = JSON.stringify(changes.metric);
    if (changes.windowSeconds !== undefined)
      row.window_seconds = changes.windowSeconds;
    if (changes.threshold !== undefined) row.threshold = changes.threshold;
    if (changes.direction !== undefined) row.direction = changes.direction;
    if (changes.minSamples !== undefined) row.min_samples = changes.minSamples;
    if (changes.cooldownSeconds !== undefined)
      row.cooldown_seconds = changes.cooldownSeconds;
    if (changes.enabled !== undefined) row.enabled = changes.enabled;
    if (changes.triggerJobId !== undefined)
      row.trigger_job_id = changes.triggerJobId;
    if (options.restart) {
      Object.assign(row, {
        state: 'pending',
        state_since: options.atMs,
        last_value: null,
        last_samples: null,
        last_window_end: null,
      });
    }
    try {
      await this.db('model_monitors').where({ id }).update(row);
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
    return this.get(id);
  }

  /**
   * Records an evaluated window, unless a later one was recorded already
   * (an evaluation that raced a newer one leaves the newer state).
   */
  async recordOutcome(id: string, outcome: MonitorOutcome): Promise<void> {
    await this.db('model_monitors')
      .where({ id })
      .andWhere(q =>
        q
          .whereNull('last_window_end')
          .orWhere('last_window_end', '<', outcome.windowEndMs),
      )
      .update({
        state: outcome.state,
        ...(outcome.stateSinceMs !== undefined
          ? { state_since: outcome.stateSinceMs }
          : {}),
        last_value: outcome.value ?? null,
        last_samples: outcome.samples,
        last_window_end: outcome.windowEndMs,
        ...(outcome.triggeredAtMs !== undefined
          ? { last_triggered_at: outcome.triggeredAtMs }
          : {}),
      });
  }

  /** Deletes it with its evaluations (explicitly: SQLite may not cascade). */
  async delete(id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      await tx('model_monitor_evaluations').where({ monitor_id: id }).delete();
      return (await tx('model_monitors').where({ id }).delete()) > 0;
    });
  }
}
