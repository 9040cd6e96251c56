import { Knex } from 'knex';

const NOW = '2026-12-01T00:00:00.000Z';

/** A workspace and a project, which experiments need for their key. */
export async function insertProject(knex: Knex, projectId: string) {
  const workspace = `ws-${projectId.slice(0, 8)}`;
  await knex('workspaces').insert({
    name: workspace,
    title: workspace,
    description: '',
    owner: 'user:default/admin',
    driver: 'fake',
    node_groups: '[]',
    env: '{}',
    default_quota_cpu_millis: 1000,
    default_quota_memory_mib: 1024,
    default_quota_gpu: 0,
    created_at: NOW,
    updated_at: NOW,
  });
  await knex('projects').insert({
    id: projectId,
    workspace,
    name: `p-${projectId.slice(0, 8)}`,
    title: 'p',
    description: '',
    owner: 'user:default/admin',
    visibility: 'private',
    env: '{}',
    created_by: 'user:default/admin',
    created_at: NOW,
    updated_at: NOW,
  });
}

/** @returns the new experiment's id */
export async function insertExperiment(
  knex: Knex,
  row: {
    projectId: string;
    name: string;
    creationTime?: number;
    lastUpdateTime?: number;
    lifecycleStage?: 'active' | 'deleted';
    tags?: Record<string, string>;
  },
): Promise<number> {
  const [inserted] = await knex('ml_experiments')
    .insert({
      project_id: row.projectId,
      name: row.name,
      artifact_location: `mlflow-artifacts:/${row.name}`,
      lifecycle_stage: row.lifecycleStage ?? 'active',
      creation_time: row.creationTime ?? 0,
      last_update_time: row.lastUpdateTime ?? row.creationTime ?? 0,
    })
    .returning('id');
  const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
  for (const [key, value] of Object.entries(row.tags ?? {})) {
    await knex('ml_experiment_tags').insert({ experiment_id: id, key, value });
  }
  return id;
}

/** A metric's latest point: a number or one of the values SQL cannot hold. */
export type LatestMetric = number | 'NaN' | 'Infinity' | '-Infinity';

export interface RunRow {
  id: string;
  experimentId: number;
  projectId: string;
  name?: string;
  userId?: string;
  status?: string;
  startTime: number;
  endTime?: number | null;
  lifecycleStage?: 'active' | 'deleted';
  metrics?: Record<string, LatestMetric>;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  inputs?: Array<{ name: string; digest: string; context?: string }>;
}

export async function insertRuns(knex: Knex, runs: RunRow[]) {
  for (const run of runs) {
    await knex('ml_runs').insert({
      id: run.id,
      experiment_id: run.experimentId,
      project_id: run.projectId,
      name: run.name ?? run.id,
      user_id: run.userId ?? 'user:default/a',
      status: run.status ?? 'FINISHED',
      start_time: run.startTime,
      end_time: run.endTime ?? null,
      lifecycle_stage: run.lifecycleStage ?? 'active',
      deleted_time: null,
      artifact_uri: `mlflow-artifacts:/runs/${run.id}`,
      workload_id: null,
    });
    for (const [key, metric] of Object.entries(run.metrics ?? {})) {
      await knex('ml_run_latest_metrics').insert({
        run_id: run.id,
        key,
        value: typeof metric === 'number' ? metric : null,
        special: typeof metric === 'number' ? null : metric,
        timestamp: run.startTime,
        step: 0,
      });
    }
    for (const [key, value] of Object.entries(run.params ?? {})) {
      await knex('ml_run_params').insert({ run_id: run.id, key, value });
    }
    for (const [key, value] of Object.entries(run.tags ?? {})) {
      await knex('ml_run_tags').insert({ run_id: run.id, key, value });
    }
    for (const input of run.inputs ?? []) {
      await knex('ml_run_inputs').insert({
        run_id: run.id,
        name: input.name,
        digest: input.digest,
        source_type: 'local',
        source: '{}',
        schema: null,
        profile: null,
        tags: JSON.stringify(
          input.context === undefined
            ? []
            : [{ key: 'mlflow.data.context', value: input.context }],
        ),
      });
    }
  }
}
