import { Knex } from 'knex';
import { insertJsonRows } from '../../database/jsonRowsInsert';
import {
  later,
  METRIC_COLUMNS,
  metricOf,
  metricTuple,
  NEWER_THAN_LATEST,
} from './metricRows';
import {
  DatasetInput,
  KeyValue,
  LifecycleStage,
  Metric,
  Run,
  RunInfo,
  RunStatus,
} from './types';

/** Where a history page ended: its last point's order key. */
export interface HistoryCursor {
  step: number;
  timestamp: number;
  id: number;
}

/** A run's info with what the platform keeps beside it. */
export interface StoredRunInfo extends RunInfo {
  projectId: string;
  /** The session or job run that made it. */
  workloadId?: string;
}

interface RunRow {
  id: string;
  experiment_id: number;
  project_id: string;
  name: string;
  user_id: string;
  status: RunStatus;
  start_time: number | string;
  end_time: number | string | null;
  lifecycle_stage: LifecycleStage;
  artifact_uri: string;
  workload_id: string | null;
}

function infoOf(row: RunRow): StoredRunInfo {
  return {
    run_id: row.id,
    run_uuid: row.id,
    run_name: row.name,
    experiment_id: String(row.experiment_id),
    user_id: row.user_id,
    status: row.status,
    start_time: Number(row.start_time),
    ...(row.end_time === null ? {} : { end_time: Number(row.end_time) }),
    artifact_uri: row.artifact_uri,
    lifecycle_stage: row.lifecycle_stage,
    projectId: row.project_id,
    ...(row.workload_id ? { workloadId: row.workload_id } : {}),
  };
}

/** Runs with their params, tags, metric history and dataset inputs. */
export class RunStore {
  constructor(private readonly db: Knex) {}

  async create(input: {
    info: StoredRunInfo;
    tags: KeyValue[];
  }): Promise<void> {
    const { info } = input;
    await this.db.transaction(async tx => {
      await tx('ml_runs').insert({
        id: info.run_id,
        experiment_id: Number(info.experiment_id),
        project_id: info.projectId,
        name: info.run_name,
        user_id: info.user_id,
        status: info.status,
        start_time: info.start_time,
        end_time: info.end_time ?? null,
        lifecycle_stage: info.lifecycle_stage,
        artifact_uri: info.artifact_uri,
        workload_id: info.workloadId ?? null,
      });
      if (input.tags.length) {
        await tx('ml_run_tags').insert(
          input.tags.map(t => ({ run_id: info.run_id, ...t })),
        );
      }
    });
  }

  async getInfo(runId: string): Promise<StoredRunInfo | undefined> {
    const row = await this.db<RunRow>('ml_runs').where({ id: runId }).first();
    return row && infoOf(row);
  }

  /** Whole runs by id, in the order asked for; missing ones left out. */
  async getMany(
    runIds: string[],
  ): Promise<Array<Run & { info: StoredRunInfo }>> {
    if (runIds.length === 0) return [];
    const [rows, params, tags, metrics, inputs] = await Promise.all([
      this.db<RunRow>('ml_runs').whereIn('id', runIds),
      this.db('ml_run_params').whereIn('run_id', runIds).orderBy('key'),
      this.db('ml_run_tags').whereIn('run_id', runIds).orderBy('key'),
      this.db('ml_run_latest_metrics').whereIn('run_id', runIds).orderBy('key'),
      this.db('ml_run_inputs').whereIn('run_id', runIds).orderBy('id'),
    ]);
    const byRun = <T extends { run_id: string }>(list: T[]) => {
      const map = new Map<string, T[]>();
      for (const item of list) {
        map.set(item.run_id, [...(map.get(item.run_id) ?? []), item]);
      }
      return map;
    };
    const [paramsOf, tagsOf, metricsOf, inputsOf] = [
      byRun(params),
      byRun(tags),
      byRun(metrics),
      byRun(inputs),
    ];
    const runs = new Map(
      rows.map(row => [
        row.id,
        {
          info: infoOf(row),
          data: {
            metrics: (metricsOf.get(row.id) ?? []).map(metricOf),
            params: (paramsOf.get(row.id) ?? []).map(keyValue),
            tags: (tagsOf.get(row.id) ?? []).map(keyValue),
          },
          inputs: {
            dataset_inputs: (inputsOf.get(row.id) ?? []).map(datasetInputOf),
          },
        },
      ]),
    );
    return runIds.flatMap(id => runs.get(id) ?? []);
  }

  async update(
    runId: string,
    patch: { status?: RunStatus; end_time?: number; run_name?: string },
  ): Promise<void> {
    const changes = {
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.end_time !== undefined ? { end_time: patch.end_time } : {}),
      ...(patch.run_name ? { name: patch.run_name } : {}),
    };
    if (Object.keys(changes).length) {
      await this.db('ml_runs').where({ id: runId }).update(changes);
    }
  }

  async setLifecycle(
    runId: string,
    stage: LifecycleStage,
    now: number,
  ): Promise<void> {
    await this.db('ml_runs')
      .where({ id: runId })
      .update({
        lifecycle_stage: stage,
        deleted_time: stage === 'deleted' ? now : null,
      });
  }

  /** Deletes or restores every run of an experiment, with the experiment. */
  async setLifecycleOfExperiment(
    experimentId: string,
    stage: LifecycleStage,
    now: number,
  ): Promise<void> {
    await this.db('ml_runs')
      .where({ experiment_id: Number(experimentId) })
      .update({
        lifecycle_stage: stage,
        deleted_time: stage === 'deleted' ? now : null,
      });
  }

  /** The stored values of these params of the run, by key. */
  async params(runId: string, keys: string[]): Promise<Map<string, string>> {
    const rows: KeyValue[] = await this.db('ml_run_params')
      .select('key', 'value')
      .where({ run_id: runId })
      .whereIn('key', keys);
    return new Map(rows.map(r => [r.key, r.value]));
  }

  /** Adds params not yet set; the caller checked the others are unchanged. */
  async addParams(runId: string, params: KeyValue[]): Promise<void> {
    if (params.length === 0) return;
    await this.db('ml_run_params')
      .insert(params.map(p => ({ run_id: runId, ...p })))
      .onConflict(['run_id', 'key'])
      .ignore();
  }

  async setTags(runId: string, tags: KeyValue[]): Promise<void> {
    // The last value of a key wins within a batch, as in MLflow.
    const byKey = new Map(tags.map(t => [t.key, t.value]));
    if (byKey.size === 0) return;
    await this.db('ml_run_tags')
      .insert([...byKey].map(([key, value]) => ({ run_id: runId, key, value })))
      .onConflict(['run_id', 'key'])
      .merge(['value']);
  }

  async deleteTag(runId: string, key: string): Promise<boolean> {
    return (
      (await this.db('ml_run_tags').where({ run_id: runId, key }).delete()) > 0
    );
  }

  /**
   * Appends metric points to their histories and moves each key's latest
   * point forward where one of them is later.
   */
  async logMetrics(runId: string, metrics: Metric[]): Promise<void> {
    if (metrics.length === 0) return;
    const latest = new Map<string, Metric>();
    for (const m of metrics) {
      const known = latest.get(m.key);
      if (!known || later(m, known)) latest.set(m.key, m);
    }
    await this.db.transaction(async tx => {
      await insertJsonRows(
        tx,
        'ml_run_metrics',
        METRIC_COLUMNS,
        metrics.map(m => metricTuple(runId, m)),
      );
      await insertJsonRows(
        tx,
        'ml_run_latest_metrics',
        METRIC_COLUMNS,
        [...latest.values()].map(m => metricTuple(runId, m)),
        NEWER_THAN_LATEST,
      );
    });
  }

  /**
   * A page of a metric's history in (step, timestamp) order, after the
   * point `after` (the last of the previous page), as MLflow's JSON: the
   * rows are written out as they come, which a 25,000-point page needs.
   * Keyset paging keeps later pages as cheap as the first.
   */
  async historyPage(
    runId: string,
    key: string,
    page: { after?: HistoryCursor; limit: number },
  ): Promise<{ json: string[]; next?: HistoryCursor }> {
    const pg = this.db.client.config.client === 'pg';
    // Postgres hands bigints over as strings; as float8 they come as numbers.
    const int = (column: string) =>
      pg ? this.db.raw(`"${column}"::float8 as "${column}"`) : column;
    let query = this.db('ml_run_metrics')
      .select('id', 'value', 'special', int('timestamp'), int('step'))
      .where({ run_id: runId, key });
    const { after } = page;
    if (after) {
      query = query.whereRaw('("step", "timestamp", "id") > (?, ?, ?)', [
        after.step,
        after.timestamp,
        after.id,
      ]);
    }
    const rows: Array<{
      id: number | string;
      value: number | null;
      special: string | null;
      timestamp: number;
      step: number;
    }> = await query
      .orderBy([
        { column: 'step', order: 'asc' },
        { column: 'timestamp', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(page.limit + 1);
    const more = rows.length > page.limit;
    const kept = more ? rows.slice(0, page.limit) : rows;
    const quotedKey = JSON.stringify(key);
    const json = kept.map(
      row =>
        `{"key":${quotedKey},"value":${
          row.value === null ? JSON.stringify(row.special) : row.value
        },"timestamp":${row.timestamp},"step":${row.step}}`,
    );
    const last = kept[kept.length - 1];
    return {
      json,
      ...(more
        ? {
            next: {
              step: Number(last.step),
              timestamp: Number(last.timestamp),
              id: Number(last.id),
            },
          }
        : {}),
    };
  }

  /** Records dataset inputs; one already recorded for the run is left as is. */
  async addInputs(runId: string, inputs: DatasetInput[]): Promise<void> {
    if (inputs.length === 0) return;
    await this.db('ml_run_inputs')
      .insert(
        inputs.map(({ dataset, tags }) => ({
          run_id: runId,
          name: dataset.name,
          digest: dataset.digest,
          source_type: dataset.source_type,
          source: dataset.source,
          schema: dataset.schema ?? null,
          profile: dataset.profile ?? null,
          tags: JSON.stringify(tags),
        })),
      )
      .onConflict(['run_id', 'name', 'digest'])
      .ignore();
  }
}

function keyValue(row: KeyValue): KeyValue {
  return { key: row.key, value: row.value };
}

function datasetInputOf(row: {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema: string | null;
  profile: string | null;
  tags: string;
}): DatasetInput {
  return {
    tags: JSON.parse(row.tags),
    dataset: {
      name: row.name,
      digest: row.digest,
      source_type: row.source_type,
      source: row.source,
      ...(row.schema === null ? {} : { schema: row.schema }),
      ...(row.profile === null ? {} : { profile: row.profile }),
    },
  };
}
