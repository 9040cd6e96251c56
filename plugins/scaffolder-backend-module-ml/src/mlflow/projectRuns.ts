import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { MlflowApi } from './MlflowApi';
import { isMlflowError } from './MlflowApiError';
import {
  MlflowArtifactList,
  MlflowExperiment,
  MlflowRun,
  PLATFORM_TAG,
  tagValue,
} from './types';

/** MLflow's largest page of experiments. */
const EXPERIMENT_PAGE = 1000;

/**
 * The runs of one ML project's experiments, as the registry action finds
 * them: by id, or the newest one a job run (a workload) made.
 */
export class ProjectRuns {
  constructor(
    private readonly mlflow: MlflowApi,
    private readonly projectId: string,
    private readonly credentials: BackstageCredentials,
  ) {}

  /** The newest run that the workload `workloadId` logged. */
  async newestOfWorkload(workloadId: string): Promise<string> {
    const experimentIds = await this.experimentIds();
    const found = experimentIds.length
      ? await this.mlflow.call<{ runs?: MlflowRun[] }>(
          'POST',
          'runs/search',
          {
            experiment_ids: experimentIds,
            // Both ids are UUIDs (the action's input checks them), so
            // they need no quoting inside the filter's string.
            filter: `tags.\`${PLATFORM_TAG.workloadId}\` = '${workloadId}'`,
            order_by: ['attributes.start_time DESC'],
            max_results: 1,
          },
          this.credentials,
        )
      : {};
    const newest = found.runs?.[0];
    if (!newest) {
      throw new NotFoundError(
        `Job run ${workloadId} logged no MLflow run in the experiments of project ${this.projectId}: its code must track a run (ml_platform.tracking or mlflow)`,
      );
    }
    return newest.info.run_id;
  }

  /** Checks that the run is in one of the project's experiments. */
  async requireInProject(runId: string): Promise<void> {
    const { run } = await this.mlflow
      .call<{ run: MlflowRun }>(
        'GET',
        'runs/get',
        { run_id: runId },
        this.credentials,
      )
      .catch(error => {
        if (isMlflowError(error, 'RESOURCE_DOES_NOT_EXIST')) {
          throw new NotFoundError(`There is no MLflow run ${runId}`);
        }
        throw error;
      });
    const { experiment } = await this.mlflow.call<{
      experiment: MlflowExperiment;
    }>(
      'GET',
      'experiments/get',
      { experiment_id: run.info.experiment_id },
      this.credentials,
    );
    const owner = tagValue(experiment.tags, PLATFORM_TAG.projectId);
    if (owner !== this.projectId) {
      throw new InputError(
        `MLflow run ${runId} is in experiment '${experiment.name}' of another project, not of project ${this.projectId}`,
      );
    }
  }

  /**
   * Checks that the run has artifacts under `artifactPath`, the folder a
   * version is registered from.
   */
  async requireArtifactFolder(
    runId: string,
    artifactPath: string,
  ): Promise<void> {
    const list = (path: string) =>
      this.mlflow.call<MlflowArtifactList>(
        'GET',
        'artifacts/list',
        { run_id: runId, path },
        this.credentials,
      );
    const folder = await list(artifactPath);
    if (folder.files?.length) return;
    const top = (await list('')).files ?? [];
    const has = top.length
      ? `its artifacts are: ${top.map(file => file.path).join(', ')}`
      : 'it has no artifacts';
    throw new InputError(
      `MLflow run ${runId} has no artifact folder '${artifactPath}' to register (${has}); log the model under that path, or set artifactPath`,
    );
  }

  private async experimentIds(): Promise<string[]> {
    const ids: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.mlflow.call<{
        experiments?: MlflowExperiment[];
        next_page_token?: string;
      }>(
        'POST',
        'experiments/search',
        {
          filter: `tags.\`${PLATFORM_TAG.projectId}\` = '${this.projectId}'`,
          max_results: EXPERIMENT_PAGE,
          page_token: pageToken,
        },
        this.credentials,
      );
      ids.push(...(page.experiments ?? []).map(e => e.experiment_id));
      pageToken = page.next_page_token;
    } while (pageToken);
    return ids;
  }
}
