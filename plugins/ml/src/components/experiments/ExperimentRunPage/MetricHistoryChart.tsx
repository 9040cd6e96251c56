import { ResponseErrorPanel, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { LineChart } from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { mlflowApiRef } from '../../../api';
import { MetricChart } from '../../ModelMonitoring/MetricChart';
import { seriesLine } from '../../ModelMonitoring/chartParts';
import { stepAxes } from '../stepAxes';

export interface MetricHistoryChartProps {
  runId: string;
  metricKey: string;
  /** Changes while the run logs, to load the history again. */
  version?: string;
}

/** Every logged value of one metric, by step. */
export function MetricHistoryChart(props: MetricHistoryChartProps) {
  const { runId, metricKey, version } = props;
  const mlflow = useApi(mlflowApiRef);
  const history = useAsync(
    () => mlflow.getMetricHistory(runId, metricKey),
    [mlflow, runId, metricKey, version],
  );
  if (history.error) {
    return <ResponseErrorPanel error={history.error} />;
  }
  if (!history.value) {
    return <Progress />;
  }
  const points = [...history.value]
    .sort((a, b) => a.step - b.step || a.timestamp - b.timestamp)
    .map(m => ({ step: m.step, value: m.value }));
  return (
    <MetricChart
      title={metricKey}
      subheader="History by step"
      hasData={points.length > 0}
      emptyText="No values logged."
    >
      <LineChart data={points}>
        {stepAxes()}
        {seriesLine({ dataKey: 'value', name: metricKey, colorIndex: 0 })}
      </LineChart>
    </MetricChart>
  );
}
