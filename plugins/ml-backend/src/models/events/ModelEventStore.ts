import { Knex } from 'knex';
import { ModelEvent, ModelEventKind } from '@ml-platform/plugin-ml-common';

/** An entry of a model's history as it is written. */
export interface NewModelEvent {
  projectId: string;
  modelId: string;
  kind: ModelEventKind;
  message: string;
  details: Record<string, unknown>;
  /** Default: now. */
  atMs?: number;
}

type EventRow = {
  id: number | string;
  project_id: string;
  model_id: string;
  kind: string;
  message: string;
  details: string;
  at_ms: number | string;
};

/** A model's history (table `model_events`): alerts, retrains, promotions. */
export class ModelEventStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  async add(event: NewModelEvent): Promise<void> {
    await this.db('model_events').insert({
      project_id: event.projectId,
      model_id: event.modelId,
      kind: event.kind,
      message: event.message,
      details: JSON.stringify(event.details),
      at_ms: event.atMs ?? this.now(),
    });
  }

  /** Newest first (the later write first at the same time), with the total. */
  async list(
    modelId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: ModelEvent[]; totalSize: number }> {
    const base = this.db('model_events').where({ model_id: modelId });
    const [{ count }] = await base
      .clone()
      .count<{ count: number | string }[]>({ count: '*' });
    const rows: EventRow[] = await base
      .clone()
      .orderBy([
        { column: 'at_ms', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .offset(page.offset)
      .limit(page.limit);
    return {
      items: rows.map(row => ({
        id: String(row.id),
        modelId: row.model_id,
        kind: row.kind as ModelEventKind,
        message: row.message,
        details: JSON.parse(row.details),
        at: new Date(Number(row.at_ms)).toISOString(),
      })),
      totalSize: Number(count),
    };
  }
}
