import { Knex } from 'knex';

/** A value that describes a window of a model's predictions (`track_aggregate_metrics`). */
export interface AggregateMetric {
  projectId: string;
  modelId: string;
  deploymentId?: string;
  name: string;
  value: number;
  startMs: number;
  endMs: number;
  /** When it was sent. */
  atMs: number;
}

/** The latest value of a metric in a window and how many values ended there. */
export interface AggregateReading {
  value?: number;
  samples: number;
}

type DbRow = {
  project_id: string;
  model_id: string;
  deployment_id: string | null;
  name: string;
  value: number;
  start_ms: number | string;
  end_ms: number | string;
  at_ms: number | string;
};

const TABLE = 'model_aggregate_metrics';
const CHUNK = 500;
/** Values a chart reads at most, oldest first. */
const MAX_LIST = 10_000;

function fromDb(row: DbRow): AggregateMetric {
  return {
    projectId: row.project_id,
    modelId: row.model_id,
    deploymentId: row.deployment_id ?? undefined,
    name: row.name,
    value: Number(row.value),
    // bigint columns come back as strings on Postgres.
    startMs: Number(row.start_ms),
    endMs: Number(row.end_ms),
    atMs: Number(row.at_ms),
  };
}

/** Aggregate metrics of models, keyed by the end of the window they describe. */
export class AggregateMetricStore {
  constructor(private readonly db: Knex) {}

  async insert(metrics: AggregateMetric[]): Promise<void> {
    if (metrics.length === 0) return;
    const rows = metrics.map(m => ({
      project_id: m.projectId,
      model_id: m.modelId,
      deployment_id: m.deploymentId ?? null,
      name: m.name,
      value: m.value,
      start_ms: m.startMs,
      end_ms: m.endMs,
      at_ms: m.atMs,
    }));
    await this.db.transaction(async tx => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await tx(TABLE).insert(rows.slice(i, i + CHUNK));
      }
    });
  }

  /**
   * The latest value of `name` whose window ends in (startMs, endMs], by end
   * and then by when it was sent; samples is the number of such values. The
   * end is inclusive so a value sent for exactly the monitor's window counts
   * in it, and not also in the window before.
   */
  async latestIn(
    modelId: string,
    name: string,
    startMs: number,
    endMs: number,
  ): Promise<AggregateReading> {
    const inWindow = () =>
      this.db<DbRow>(TABLE)
        .where({ model_id: modelId, name })
        .where('end_ms', '>', startMs)
        .where('end_ms', '<=', endMs);
    const [latest, counted] = await Promise.all([
      inWindow()
        .orderBy([
          { column: 'end_ms', order: 'desc' },
          { column: 'at_ms', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .first('value'),
      inWindow().count({ n: '*' }).first(),
    ]);
    const samples = Number((counted as { n?: number | string })?.n ?? 0);
    return latest ? { value: Number(latest.value), samples } : { samples };
  }

  /** A model's values whose window ends in [fromMs, toMs], oldest end first. */
  async list(
    modelId: string,
    fromMs: number,
    toMs: number,
  ): Promise<AggregateMetric[]> {
    const rows = await this.db<DbRow>(TABLE)
      .where({ model_id: modelId })
      .where('end_ms', '>=', fromMs)
      .where('end_ms', '<=', toMs)
      .orderBy([
        { column: 'end_ms', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(MAX_LIST)
      .select<DbRow[]>();
    return rows.map(fromDb);
  }
}
