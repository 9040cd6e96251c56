import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { MlflowModelVersion, mlflowApiRef } from '../../api';
import { modelVersionsFilter } from './registry';

const VERSIONS_PAGE_SIZE = 200;
/** A model with more versions than this lists the newest ones. */
const MAX_PAGES = 5;

/** A registered model's versions, newest first; none without a name. */
export function useModelVersions(modelName: string | undefined) {
  const mlflow = useApi(mlflowApiRef);
  return useAsyncRetry(async () => {
    const versions: MlflowModelVersion[] = [];
    if (!modelName) {
      return versions;
    }
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await mlflow.searchModelVersions({
        filter: modelVersionsFilter(modelName),
        orderBy: ['version_number DESC'],
        maxResults: VERSIONS_PAGE_SIZE,
        pageToken,
      });
      versions.push(...answer.items);
      pageToken = answer.nextPageToken;
      if (!pageToken) break;
    }
    return versions;
  }, [mlflow, modelName]);
}
