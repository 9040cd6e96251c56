import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { MlflowExperiment, mlflowApiRef } from '../../../api';
import { projectExperimentsFilter } from '../runs';

const EXPERIMENTS_PAGE_SIZE = 100;
/** A project with more experiments than this lists the latest ones. */
const MAX_PAGES = 10;

/** The project's experiments, most recently updated first. */
export function useProjectExperiments(projectId: string) {
  const mlflow = useApi(mlflowApiRef);
  return useAsyncRetry(async () => {
    const experiments: MlflowExperiment[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await mlflow.searchExperiments({
        filter: projectExperimentsFilter(projectId),
        orderBy: ['last_update_time DESC'],
        maxResults: EXPERIMENTS_PAGE_SIZE,
        pageToken,
      });
      experiments.push(...answer.items);
      pageToken = answer.nextPageToken;
      if (!pageToken) break;
    }
    return experiments;
  }, [mlflow, projectId]);
}
