import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { MlflowExperiment, MlflowRun, mlflowApiRef } from '../../api';
import { projectExperimentsFilter } from '../experiments/runs';

/** The most experiments (newest first) and runs the card looks through. */
const MAX_EXPERIMENTS = 1000;
const MAX_RUNS = 100;

export interface WorkloadExperimentRuns {
  runs: MlflowRun[];
  /** By id, for the runs' experiment names. */
  experiments: Map<string, MlflowExperiment>;
}

/**
 * The MLflow runs a workload logged: runs of the project's experiments
 * whose `ml.workload_id` tag (set by the platform in every job and
 * session) names it. Searched again when `refresh` changes, e.g. as the
 * workload's state does.
 */
export function useWorkloadExperimentRuns(
  projectId: string,
  workloadId: string,
  refresh?: unknown,
) {
  const mlflow = useApi(mlflowApiRef);
  return useAsync(async (): Promise<WorkloadExperimentRuns> => {
    const found = await mlflow.searchExperiments({
      filter: projectExperimentsFilter(projectId),
      orderBy: ['last_update_time DESC'],
      maxResults: MAX_EXPERIMENTS,
    });
    const experiments = new Map(found.items.map(e => [e.experiment_id, e]));
    if (experiments.size === 0) {
      return { runs: [], experiments };
    }
    const runs = await mlflow.searchRuns({
      experimentIds: [...experiments.keys()],
      filter: `tags.\`ml.workload_id\` = '${workloadId.replace(/'/g, "\\'")}'`,
      orderBy: ['attributes.start_time DESC'],
      maxResults: MAX_RUNS,
    });
    return { runs: runs.items, experiments };
  }, [mlflow, projectId, workloadId, refresh]);
}
