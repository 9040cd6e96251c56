import { Knex } from 'knex';
import { insertJsonRows, JsonColumn } from '../../database/jsonRowsInsert';
import { markClosedHours } from '../rollups/markClosedHours';
import { RollupStore } from '../rollups/RollupStore';

/** One declared feature of a prediction's request: a number or a category. */
export interface PredictionInput {
  modelId: string;
  deploymentId: string;
  predictionUuid: string;
  atMs: number;
  name: string;
  numValue?: number;
  textValue?: string;
}

/** A feature's value at a time. */
export interface FeatureValue {
  atMs: number;
  numValue?: number;
  textValue?: string;
}

type ValueRow = {
  at_ms: number | string;
  num_value: number | null;
  text_value: string | null;
};

const COLUMNS: JsonColumn[] = [
  { name: 'model_id', pgType: 'text' },
  { name: 'deployment_id', pgType: 'text' },
  { name: 'prediction_uuid', pgType: 'text' },
  { name: 'at_ms', pgType: 'bigint' },
  { name: 'name', pgType: 'text' },
  { name: 'num_value', pgType: 'double precision' },
  { name: 'text_value', pgType: 'text' },
];

/** Rows per INSERT (one bound JSON parameter each). */
const WRITE_CHUNK = 5000;

function fromDb(row: ValueRow): FeatureValue {
  return {
    atMs: Number(row.at_ms),
    numValue: row.num_value ?? undefined,
    textValue: row.text_value ?? undefined,
  };
}

/** The declared features of predictions' requests (model_prediction_inputs). */
export class PredictionInputStore {
  constructor(
    private readonly db: Knex,
    private readonly options: {
      /** Told of inputs written for hours already closed. */
      rollups?: RollupStore;
      now?: () => number;
    } = {},
  ) {}

  async insertBatch(inputs: PredictionInput[]): Promise<void> {
    if (inputs.length === 0) return;
    const tuples = inputs.map(i => [
      i.modelId,
      i.deploymentId,
      i.predictionUuid,
      i.atMs,
      i.name,
      i.numValue ?? null,
      i.textValue ?? null,
    ]);
    await this.db.transaction(async tx => {
      for (let i = 0; i < tuples.length; i += WRITE_CHUNK) {
        await insertJsonRows(
          tx,
          'model_prediction_inputs',
          COLUMNS,
          tuples.slice(i, i + WRITE_CHUNK),
        );
      }
    });
    if (this.options.rollups) {
      const now = this.options.now?.() ?? Date.now();
      await markClosedHours(this.options.rollups, inputs, now);
    }
  }

  /** A feature's values in [fromMs, toMs), oldest first, at most `limit`. */
  async values(filter: {
    modelId: string;
    name: string;
    deploymentId?: string;
    fromMs: number;
    toMs: number;
    limit: number;
  }): Promise<FeatureValue[]> {
    const q = this.db('model_prediction_inputs')
      .select('at_ms', 'num_value', 'text_value')
      .where({ model_id: filter.modelId, name: filter.name })
      .andWhere('at_ms', '>=', filter.fromMs)
      .andWhere('at_ms', '<', filter.toMs);
    if (filter.deploymentId) q.andWhere({ deployment_id: filter.deploymentId });
    const rows: ValueRow[] = await q
      .orderBy([{ column: 'at_ms' }, { column: 'id' }])
      .limit(filter.limit);
    return rows.map(fromDb);
  }

  /**
   * How often each value of a feature occurred per window of `stepMs` from
   * `fromMs`, counted by the database (for categorical features).
   */
  async valueCounts(filter: {
    modelId: string;
    name: string;
    deploymentId?: string;
    fromMs: number;
    toMs: number;
    stepMs: number;
  }): Promise<Array<FeatureValue & { count: number }>> {
    const q = this.db('model_prediction_inputs')
      .select({
        at_ms: this.db.raw('(at_ms - (at_ms - ?) % ?)', [
          filter.fromMs,
          filter.stepMs,
        ]),
      })
      .select('num_value', 'text_value', this.db.raw('count(*) as n'))
      .where({ model_id: filter.modelId, name: filter.name })
      .andWhere('at_ms', '>=', filter.fromMs)
      .andWhere('at_ms', '<', filter.toMs);
    if (filter.deploymentId) q.andWhere({ deployment_id: filter.deploymentId });
    const rows: Array<ValueRow & { n: number | string }> = await q.groupByRaw(
      '1, num_value, text_value',
    );
    return rows.map(r => ({ ...fromDb(r), count: Number(r.n) }));
  }

  /** The first `limit` values of a feature a deployment received. */
  async firstOfDeployment(
    deploymentId: string,
    name: string,
    limit: number,
  ): Promise<FeatureValue[]> {
    const rows: ValueRow[] = await this.db('model_prediction_inputs')
      .select('at_ms', 'num_value', 'text_value')
      .where({ deployment_id: deploymentId, name })
      .orderBy([{ column: 'at_ms' }, { column: 'id' }])
      .limit(limit);
    return rows.map(fromDb);
  }
}
