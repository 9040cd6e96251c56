import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { MlflowRegisteredModel, mlflowApiRef } from '../../api';
import { projectExperimentsFilter } from '../experiments/runs';

const MODELS_PAGE_SIZE = 100;
/** A project with more registered models than this lists the latest ones. */
const MAX_PAGES = 10;

/**
 * The project's registered models, most recently updated first. They carry
 * the project tag as the project's experiments do, so the filter is theirs.
 */
export function useProjectRegisteredModels(projectId: string, enabled = true) {
  const mlflow = useApi(mlflowApiRef);
  return useAsyncRetry(async () => {
    const models: MlflowRegisteredModel[] = [];
    if (!enabled) {
      return models;
    }
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await mlflow.searchRegisteredModels({
        filter: projectExperimentsFilter(projectId),
        orderBy: ['last_updated_timestamp DESC'],
        maxResults: MODELS_PAGE_SIZE,
        pageToken,
      });
      models.push(...answer.items);
      pageToken = answer.nextPageToken;
      if (!pageToken) break;
    }
    return models;
  }, [mlflow, projectId, enabled]);
}
