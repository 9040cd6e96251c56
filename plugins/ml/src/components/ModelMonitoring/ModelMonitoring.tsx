import { ReactElement, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Project } from '@ml-platform/plugin-ml-common';
import { AreaChart, Legend, LineChart } from 'recharts';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import {
  METRICS_RANGES,
  rangeQuery,
  trafficSeries,
  usageSeries,
} from '../../lib/modelMetrics';
import { ModelState } from '../ModelPage/modelState';
import { AccuracyChart } from './AccuracyChart';
import { ChartSelect } from './ChartSelect';
import { MetricChart } from './MetricChart';
import { seriesArea, seriesLine, timeAxes } from './chartParts';

/** @public */
export interface ModelMonitoringProps {
  project: Project;
  state: ModelState;
}

/** Monitoring data changes all the time; CML's charts refresh about as often. */
const REFRESH_MS = 10_000;

/**
 * Charts of the model's traffic over a chosen range: throughput, latency
 * percentiles, error rate, CPU and memory per replica, and tracked against
 * delayed metrics. Refreshed every 10 seconds while open.
 */
export function ModelMonitoring(props: ModelMonitoringProps) {
  const { project, state } = props;
  const { model, deployments } = state;
  const api = useApi(mlApiRef);
  const [rangeId, setRangeId] = useState('1h');
  const [deploymentId, setDeploymentId] = useState('');
  const range = METRICS_RANGES.find(r => r.id === rangeId)!;

  const { value, loading, error } = usePolledAsync(
    () =>
      api.getModelMetrics(project.id, model.id, {
        ...rangeQuery(range, Date.now()),
        deploymentId: deploymentId || undefined,
      }),
    [api, project.id, model.id, range, deploymentId],
    () => true,
    { intervalMs: REFRESH_MS },
  );

  const controls = (
    <Box display="flex" marginBottom={2}>
      <Box minWidth={200} marginRight={2}>
        <ChartSelect
          id="ml-monitoring-range"
          label="Range"
          value={rangeId}
          onChange={setRangeId}
          options={METRICS_RANGES.map(r => ({ value: r.id, label: r.label }))}
        />
      </Box>
      <Box minWidth={200}>
        <ChartSelect
          id="ml-monitoring-deployment"
          label="Deployment"
          value={deploymentId}
          onChange={setDeploymentId}
          options={[
            { value: '', label: 'All deployments' },
            ...deployments.map(d => ({
              value: d.id,
              label: `Build #${d.buildNumber} (${d.state})`,
            })),
          ]}
        />
      </Box>
    </Box>
  );

  if (!value) {
    return (
      <>
        {controls}
        {loading ? <Progress /> : <ResponseErrorPanel error={error!} />}
      </>
    );
  }

  const traffic = trafficSeries(value);
  const usage = usageSeries(value);
  const hasTraffic = traffic.some(p => p.requests > 0);
  // The charts of the requests: all empty together when there were none.
  const trafficCard = (
    title: string,
    subheader: string,
    chart: ReactElement,
  ) => (
    <Grid item xs={12} md={6}>
      <MetricChart
        title={title}
        subheader={subheader}
        hasData={hasTraffic}
        emptyText="No requests in this range."
      >
        {chart}
      </MetricChart>
    </Grid>
  );

  return (
    <>
      {controls}
      {error && (
        <Typography color="error" role="alert">
          {`Refreshing failed: ${error.message}`}
        </Typography>
      )}
      <Grid container spacing={3}>
        {trafficCard(
          'Throughput',
          'Requests per second',
          <AreaChart data={traffic}>
            {timeAxes({ range, unit: 'req/s' })}
            {seriesArea({
              dataKey: 'throughput',
              name: 'requests/s',
              colorIndex: 0,
            })}
          </AreaChart>,
        )}
        {trafficCard(
          'Latency',
          'Milliseconds, per bucket',
          <LineChart data={traffic}>
            {timeAxes({ range, unit: 'ms' })}
            <Legend />
            {(['p50', 'p95', 'p99'] as const).map((key, i) =>
              seriesLine({ dataKey: key, colorIndex: i }),
            )}
          </LineChart>,
        )}
        {trafficCard(
          'Error rate',
          'Percent of requests that failed',
          <AreaChart data={traffic}>
            {timeAxes({ range, unit: '%', yDomain: [0, 100] })}
            {seriesArea({
              dataKey: 'errorRate',
              name: 'errors %',
              colorIndex: 1,
            })}
          </AreaChart>,
        )}
        {(['cpu', 'memory'] as const).map(kind => (
          <Grid item xs={12} md={6} key={kind}>
            <MetricChart
              title={kind === 'cpu' ? 'CPU per replica' : 'Memory per replica'}
              subheader={kind === 'cpu' ? 'vCPU used' : 'MiB resident'}
              hasData={usage.points.length > 0}
              emptyText="No replica ran in this range."
            >
              <LineChart data={usage.points}>
                {timeAxes({ range, unit: kind === 'cpu' ? 'vCPU' : 'MiB' })}
                <Legend />
                {usage.replicas.map((replica, i) =>
                  seriesLine({
                    dataKey: `${kind}_${replica}`,
                    name: `replica ${replica}`,
                    colorIndex: i,
                  }),
                )}
              </LineChart>
            </MetricChart>
          </Grid>
        ))}
        <Grid item xs={12}>
          <AccuracyChart metrics={value} range={range} />
        </Grid>
      </Grid>
    </>
  );
}
