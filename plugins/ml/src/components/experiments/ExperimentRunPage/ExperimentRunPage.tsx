import { Content, Header, HeaderLabel, Page } from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { mlflowApiRef } from '../../../api';
import { useNow } from '../../../hooks/useNow';
import { usePolledAsync } from '../../../hooks/usePolledAsync';
import { useProjectAccess } from '../../../hooks/useProjectAccess';
import { projectIdFromSlug } from '../../../lib/projectSlug';
import { experimentRunRouteRef, projectRouteRef } from '../../../routes';
import { AsyncFallback } from '../../AsyncFallback';
import { ArtifactsBrowser } from '../ArtifactsBrowser';
import { RUN_STATUS_LOOKS, isRunLive, runName } from '../runs';
import { KeyValueTable } from './KeyValueTable';
import { RunDatasetsTable } from './RunDatasetsTable';
import { RunMetricsCard } from './RunMetricsCard';
import { RunSummaryCard } from './RunSummaryCard';
import { RunTagsCard } from './RunTagsCard';

/**
 * One MLflow run: what it is, its params, its metrics with their history,
 * its tags, its artifacts and its datasets. It reloads while the run logs.
 */
export function ExperimentRunPage() {
  const { projectId, runId } = useRouteRefParams(experimentRunRouteRef);
  const mlflow = useApi(mlflowApiRef);
  const projectLink = useRouteRef(projectRouteRef);
  const access = useProjectAccess(projectIdFromSlug(projectId));
  const run = usePolledAsync(
    () => mlflow.getRun(runId),
    [mlflow, runId],
    isRunLive,
  );
  const value = run.value;
  const experimentId = value?.info.experiment_id;
  const experiment = useAsync(
    async () => (experimentId ? mlflow.getExperiment(experimentId) : undefined),
    [mlflow, experimentId],
  );
  const now = useNow(Boolean(value && isRunLive(value)));

  const experimentsLink = `${projectLink({ projectId })}/experiments`;
  const experimentLink = experimentId
    ? `${experimentsLink}?experiment=${encodeURIComponent(experimentId)}`
    : experimentsLink;
  const title = value ? runName(value) : 'Run';

  return (
    <Page themeId="tool">
      <Header
        title={title}
        subtitle={
          experiment.value ? `Experiment ${experiment.value.name}` : undefined
        }
        type="ML experiment run"
        typeLink={experimentLink}
      >
        {value && (
          <HeaderLabel
            label="Status"
            value={RUN_STATUS_LOOKS[value.info.status]?.label}
          />
        )}
      </Header>
      <Content>
        {!value ? (
          <AsyncFallback
            loading={run.loading}
            error={run.error}
            notFound="Run not found"
            back={{ label: 'Back to the experiments', to: experimentsLink }}
          />
        ) : (
          <Grid container spacing={3}>
            <Grid item xs={12} lg={5}>
              <RunSummaryCard
                run={value}
                experiment={experiment.value}
                experimentLink={experimentLink}
                projectId={projectId}
                access={access}
                now={now}
                onLifecycleChange={async action => {
                  await (action === 'delete'
                    ? mlflow.deleteRun(runId)
                    : mlflow.restoreRun(runId));
                  run.retry();
                }}
              />
            </Grid>
            <Grid item xs={12} lg={7}>
              <KeyValueTable
                title="Parameters"
                rows={value.data.params}
                emptyContent="No parameters logged."
              />
            </Grid>
            <Grid item xs={12}>
              <RunMetricsCard run={value} />
            </Grid>
            <Grid item xs={12}>
              <ArtifactsBrowser
                run={value}
                projectId={projectId}
                access={access}
              />
            </Grid>
            <Grid item xs={12} lg={6}>
              <RunTagsCard tags={value.data.tags} />
            </Grid>
            {value.inputs.dataset_inputs.length > 0 && (
              <Grid item xs={12} lg={6}>
                <RunDatasetsTable inputs={value.inputs.dataset_inputs} />
              </Grid>
            )}
          </Grid>
        )}
      </Content>
    </Page>
  );
}
