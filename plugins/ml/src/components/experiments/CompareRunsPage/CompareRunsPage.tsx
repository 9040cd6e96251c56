import { useState } from 'react';
import {
  Content,
  EmptyState,
  Header,
  LinkButton,
  Page,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { useSearchParams } from 'react-router-dom';
import { mlflowApiRef } from '../../../api';
import { experimentCompareRouteRef, projectRouteRef } from '../../../routes';
import { AsyncFallback } from '../../AsyncFallback';
import { SelectField } from '../../FormFields';
import { COMPARE_MAX, COMPARE_MIN } from '../RunsTable';
import { valueColumnsOf } from '../runs';
import { CompareMetricChart } from './CompareMetricChart';
import { RunDiffTable } from './RunDiffTable';

/** The run ids of `?runs=<id>,<id>`, each once, in order. */
function runIdsOf(param: string | null): string[] {
  return [...new Set((param ?? '').split(',').map(id => id.trim()))].filter(
    Boolean,
  );
}

/**
 * Two to ten runs side by side: a metric's histories overlaid, and their
 * params and latest metrics in one table that marks where they differ.
 */
export function CompareRunsPage() {
  const { projectId } = useRouteRefParams(experimentCompareRouteRef);
  const [searchParams] = useSearchParams();
  const mlflow = useApi(mlflowApiRef);
  const projectLink = useRouteRef(projectRouteRef);
  const experimentsLink = `${projectLink({ projectId })}/experiments`;
  const runIds = runIdsOf(searchParams.get('runs'));
  const countOk = runIds.length >= COMPARE_MIN && runIds.length <= COMPARE_MAX;
  const runs = useAsync(
    async () =>
      countOk ? Promise.all(runIds.map(id => mlflow.getRun(id))) : undefined,
    [mlflow, runIds.join(','), countOk],
  );
  const [metric, setMetric] = useState<string>();

  const header = (
    <Header
      title="Compare runs"
      subtitle={countOk ? `${runIds.length} runs` : undefined}
      type="ML experiments"
      typeLink={experimentsLink}
    />
  );

  if (!countOk) {
    return (
      <Page themeId="tool">
        {header}
        <Content>
          <EmptyState
            missing="info"
            title={`Pick ${COMPARE_MIN} to ${COMPARE_MAX} runs to compare`}
            description={`This address names ${runIds.length}. Select the runs in an experiment's runs table, then Compare.`}
            action={
              <LinkButton
                variant="contained"
                color="primary"
                to={experimentsLink}
              >
                Back to the experiments
              </LinkButton>
            }
          />
        </Content>
      </Page>
    );
  }

  const metricKeys = valueColumnsOf(runs.value ?? [])
    .filter(c => c.kind === 'metrics')
    .map(c => c.key);
  const chosen = metric && metricKeys.includes(metric) ? metric : metricKeys[0];

  return (
    <Page themeId="tool">
      {header}
      <Content>
        {!runs.value ? (
          <AsyncFallback
            loading={runs.loading}
            error={runs.error}
            notFound="Runs not found"
            back={{ label: 'Back to the experiments', to: experimentsLink }}
          />
        ) : (
          <Grid container spacing={3}>
            {chosen && (
              <Grid item xs={12}>
                <CompareMetricChart
                  runs={runs.value}
                  metricKey={chosen}
                  action={
                    <Box minWidth={200}>
                      <SelectField
                        id="ml-compare-metric"
                        label="Metric"
                        value={chosen}
                        options={metricKeys.map(key => ({
                          value: key,
                          label: key,
                        }))}
                        onChange={setMetric}
                      />
                    </Box>
                  }
                />
              </Grid>
            )}
            <Grid item xs={12}>
              <RunDiffTable runs={runs.value} />
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
}
