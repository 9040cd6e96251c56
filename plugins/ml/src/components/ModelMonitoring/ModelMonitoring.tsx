import { ReactElement, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Project } from '@ml-platform/plugin-ml-common';
import { AreaChart, Legend, LineChart } from 'recharts';
import { mlApiRef } from '../../api';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { needsDots, withGaps } from '../../lib/chartSeries';
import {
  METRICS_RANGES,
  trafficSeries,
  usageSeries,
} from '../../lib/modelMetrics';
import { ModelState } from '../ModelPage/modelState';
import { AccuracyChart } from './AccuracyChart';
import { ChartSelect } from './ChartSelect';
import { MetricChart } from './MetricChart';
import { QualitySection } from './QualitySection';
import { seriesArea, seriesLine, timeAxes } from './chartParts';
import { useMonitoringData } from './useMonitoringData';

/** @public */
export interface ModelMonitoringProps {
  project: Project;
  state: ModelState;
}

const PERCENTILES = ['p50', 'p95', 'p99'] as const;

/**
 * Charts of the model over a chosen range, all on the same time axis: its
 * quality and drift (or how to set them up), throughput, latency
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

  const access = useProjectAccess(project.id);
  const { value, loading, error, retry } = useMonitoringData({
    projectId: project.id,
    modelId: model.id,
    range,
    deploymentId: deploymentId || undefined,
  });

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

  const { metrics, domain } = value;
  const stepMs = metrics.stepSeconds * 1000;
  const traffic = trafficSeries(metrics);
  const usage = usageSeries(metrics);
  const hasTraffic = traffic.some(p => p.requests > 0);
  // A bucket without requests has no latency or error rate: a gap, not 0.
  const trafficRows = withGaps(
    traffic.map(p => ({
      ...p,
      errorRate: p.requests > 0 ? p.errorRate : undefined,
    })),
    ['throughput', 'errorRate', ...PERCENTILES],
    stepMs,
  );
  const usageRows = withGaps(
    usage.points,
    usage.replicas.flatMap(r => [`cpu_${r}`, `memory_${r}`]),
    stepMs,
  );
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
        <QualitySection
          data={value}
          range={range}
          access={access}
          onSaveSettings={async settings => {
            await api.putMonitoringSettings(project.id, model.id, settings);
            retry();
          }}
          onTakeBaseline={async request => {
            await api.takeDriftBaseline(project.id, model.id, request);
            retry();
          }}
        />
        {trafficCard(
          'Throughput',
          'Requests per second',
          <AreaChart data={trafficRows}>
            {timeAxes({ range, domain, unit: 'req/s' })}
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
          <LineChart data={trafficRows}>
            {timeAxes({ range, domain, unit: 'ms' })}
            <Legend />
            {PERCENTILES.map((key, i) =>
              seriesLine({
                dataKey: key,
                colorIndex: i,
                dots: needsDots(trafficRows, key),
              }),
            )}
          </LineChart>,
        )}
        {trafficCard(
          'Error rate',
          'Percent of requests that failed',
          <AreaChart data={trafficRows}>
            {timeAxes({ range, domain, unit: '%', yDomain: [0, 100] })}
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
              <LineChart data={usageRows}>
                {timeAxes({
                  range,
                  domain,
                  unit: kind === 'cpu' ? 'vCPU' : 'MiB',
                })}
                <Legend />
                {usage.replicas.map((replica, i) =>
                  seriesLine({
                    dataKey: `${kind}_${replica}`,
                    name: `replica ${replica}`,
                    colorIndex: i,
                    dots: needsDots(usageRows, `${kind}_${replica}`),
                  }),
                )}
              </LineChart>
            </MetricChart>
          </Grid>
        ))}
        <Grid item xs={12}>
          <AccuracyChart metrics={metrics} range={range} domain={domain} />
        </Grid>
      </Grid>
    </>
  );
}
