import { Knex } from 'knex';

/** A registered model version and the MLflow run that logged it. */
export interface CandidateVersion {
  registeredModel: string;
  version: string;
  runId?: string;
}

/**
 * What a promotion reads of experiment tracking and the model registry:
 * the runs a workload made (the tracking API records the workload of each
 * run, as the `ml.workload_id` tag shows it), the versions they registered,
 * and their metrics.
 */
export interface CandidateRuns {
  /** The newest ready version registered from a run of the workload. */
  newestVersionOfWorkload(
    workloadId: string,
  ): Promise<CandidateVersion | undefined>;
  /** The run of the workload that started last. */
  latestRunOfWorkload(workloadId: string): Promise<string | undefined>;
  /** The run that logged a version of a project's registered model. */
  runOfVersion(
    projectId: string,
    registeredModel: string,
    version: string,
  ): Promise<string | undefined>;
  /** The latest value of a run's metric; undefined when none or not finite. */
  latestMetric(runId: string, key: string): Promise<number | undefined>;
}

/** {@link CandidateRuns} read from the tracking and registry tables. */
export class TrackedCandidates implements CandidateRuns {
  constructor(private readonly db: Knex) {}

  async newestVersionOfWorkload(
    workloadId: string,
  ): Promise<CandidateVersion | undefined> {
    const row = await this.db('ml_model_versions as v')
      .join('ml_runs as r', 'r.id', 'v.run_id')
      .join('ml_registered_models as m', 'm.id', 'v.model_id')
      .where('r.workload_id', workloadId)
      .where('v.status', 'READY')
      .orderBy([
        { column: 'v.creation_timestamp', order: 'desc' },
        { column: 'v.version', order: 'desc' },
      ])
      .first('m.name as name', 'v.version as version', 'v.run_id as run_id');
    return (
      row && {
        registeredModel: row.name,
        version: String(row.version),
        runId: row.run_id ?? undefined,
      }
    );
  }

  async latestRunOfWorkload(workloadId: string): Promise<string | undefined> {
    const row = await this.db('ml_runs')
      .where({ workload_id: workloadId, lifecycle_stage: 'active' })
      .orderBy([
        { column: 'start_time', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first('id');
    return row?.id;
  }

  async runOfVersion(
    projectId: string,
    registeredModel: string,
    version: string,
  ): Promise<string | undefined> {
    const row = await this.db('ml_model_versions as v')
      .join('ml_registered_models as m', 'm.id', 'v.model_id')
      .where({
        'm.project_id': projectId,
        'm.name': registeredModel,
        'v.version': Number(version),
      })
      .first('v.run_id as run_id');
    return row?.run_id ?? undefined;
  }

  async latestMetric(runId: string, key: string): Promise<number | undefined> {
    const row = await this.db('ml_run_latest_metrics')
      .where({ run_id: runId, key })
      .first('value');
    if (row?.value === null || row?.value === undefined) return undefined;
    const value = Number(row.value);
    return Number.isFinite(value) ? value : undefined;
  }
}
