import { useState } from 'react';
import { TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { MlflowMetric, MlflowRun } from '../../../api';
import { DenseTable } from '../../tables/DenseTable';
import { withRowIds } from '../../tables/rowIds';
import { formatMetric, formatMillis } from '../runs';
import { MetricHistoryChart } from './MetricHistoryChart';

export interface RunMetricsCardProps {
  run: MlflowRun;
}

/** The run's latest metric values; a metric's name opens its history. */
export function RunMetricsCard(props: RunMetricsCardProps) {
  const { run } = props;
  const metrics = [...run.data.metrics].sort((a, b) =>
    a.key.localeCompare(b.key),
  );
  const [chosen, setChosen] = useState<string | undefined>(metrics[0]?.key);
  const latest = metrics.find(m => m.key === chosen);
  const columns: TableColumn<MlflowMetric>[] = [
    {
      title: 'Metric',
      highlight: true,
      render: m => (
        <Button
          size="small"
          color={m.key === chosen ? 'primary' : 'default'}
          aria-pressed={m.key === chosen}
          onClick={() => setChosen(m.key)}
          style={{ textTransform: 'none' }}
        >
          {m.key}
        </Button>
      ),
    },
    { title: 'Latest value', render: m => formatMetric(m.value) },
    { title: 'Step', render: m => m.step },
    { title: 'Logged', render: m => formatMillis(m.timestamp) },
  ];
  return (
    <Box>
      <DenseTable<MlflowMetric>
        title="Metrics"
        columns={columns}
        data={withRowIds(metrics, m => m.key)}
        emptyContent="No metrics logged."
      />
      {chosen && (
        <Box marginTop={2}>
          <MetricHistoryChart
            runId={run.info.run_id}
            metricKey={chosen}
            version={latest ? `${latest.step}:${latest.timestamp}` : undefined}
          />
        </Box>
      )}
    </Box>
  );
}
