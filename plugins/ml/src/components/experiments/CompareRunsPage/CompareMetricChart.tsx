import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { LineChart } from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { MlflowRun, mlflowApiRef } from '../../../api';
import { MetricChart } from '../../ModelMonitoring/MetricChart';
import { seriesLine } from '../../ModelMonitoring/chartParts';
import { runName } from '../runs';
import { stepAxes } from '../stepAxes';
import { overlaidHistories } from './runDiff';

export interface CompareMetricChartProps {
  runs: MlflowRun[];
  metricKey: string;
  /** The metric picker, in the card's header. */
  action?: JSX.Element;
}

/** One metric's history of every run, overlaid: a line per run. */
export function CompareMetricChart(props: CompareMetricChartProps) {
  const { runs, metricKey, action } = props;
  const mlflow = useApi(mlflowApiRef);
  const runIds = runs.map(r => r.info.run_id);
  const histories = useAsync(
    () =>
      Promise.all(
        runIds.map(async runId => ({
          runId,
          points: await mlflow.getMetricHistory(runId, metricKey),
        })),
      ),
    [mlflow, metricKey, runIds.join(',')],
  );
  if (histories.error) {
    return <ResponseErrorPanel error={histories.error} />;
  }
  if (!histories.value) {
    return <Progress />;
  }
  const data = overlaidHistories(histories.value);
  // Runs without the metric get no line, and no legend entry.
  const withMetric = runs.filter(run =>
    histories.value!.some(
      h => h.runId === run.info.run_id && h.points.length > 0,
    ),
  );
  return (
    <MetricChart
      title={metricKey}
      subheader="History by step, one line per run"
      hasData={data.length > 0}
      emptyText="None of the runs logged this metric."
      action={action}
    >
      <LineChart data={data}>
        {stepAxes({ legend: true })}
        {withMetric.map(run =>
          seriesLine({
            dataKey: run.info.run_id,
            name: runName(run),
            colorIndex: runs.indexOf(run),
          }),
        )}
      </LineChart>
    </MetricChart>
  );
}
