import { useState } from 'react';
import Box from '@material-ui/core/Box';
import { ModelMetrics } from '@ml-platform/plugin-ml-common';
import { Legend, LineChart } from 'recharts';
import { needsDots, withGaps } from '../../lib/chartSeries';
import {
  MetricsRange,
  accuracySeries,
  metricNames,
} from '../../lib/modelMetrics';
import { ChartSelect } from './ChartSelect';
import { MetricChart } from './MetricChart';
import { seriesLine, timeAxes } from './chartParts';

export interface AccuracyChartProps {
  metrics: ModelMetrics;
  range: MetricsRange;
  /** The range's [from, to] in epoch ms, shared by the page's charts. */
  domain?: [number, number];
}

/**
 * A tracked metric (what the model predicted) beside a delayed one (the
 * ground truth that arrived later), as means per bucket; the user picks
 * which two. Shown only when both kinds exist in the range.
 */
export function AccuracyChart(props: AccuracyChartProps) {
  const { metrics, range, domain } = props;
  const names = metricNames(metrics);
  const [tracked, setTracked] = useState<string>();
  const [delayed, setDelayed] = useState<string>();
  if (names.tracked.length === 0 || names.delayed.length === 0) {
    return null;
  }
  const trackedName =
    tracked && names.tracked.includes(tracked) ? tracked : names.tracked[0];
  const delayedName =
    delayed && names.delayed.includes(delayed) ? delayed : names.delayed[0];
  const points = accuracySeries(metrics, trackedName, delayedName);
  const rows = withGaps(
    points,
    ['tracked', 'delayed'],
    metrics.stepSeconds * 1000,
  );

  const select = (
    id: string,
    label: string,
    value: string,
    options: string[],
    onChange: (v: string) => void,
  ) => (
    <Box minWidth={180} marginRight={2}>
      <ChartSelect
        id={id}
        label={label}
        value={value}
        onChange={onChange}
        options={options.map(n => ({ value: n, label: n }))}
        margin="dense"
      />
    </Box>
  );

  const choices = (
    <Box display="flex">
      {select(
        'ml-monitoring-tracked',
        'Tracked metric',
        trackedName,
        names.tracked,
        setTracked,
      )}
      {select(
        'ml-monitoring-delayed',
        'Delayed metric (ground truth)',
        delayedName,
        names.delayed,
        setDelayed,
      )}
    </Box>
  );

  return (
    <MetricChart
      title="Accuracy"
      subheader={`Mean ${trackedName} vs mean ${delayedName} per bucket, by prediction time`}
      hasData={points.length > 0}
      action={choices}
    >
      <LineChart data={rows}>
        {timeAxes({ range, domain })}
        <Legend />
        {seriesLine({
          dataKey: 'tracked',
          name: trackedName,
          colorIndex: 0,
          dots: needsDots(rows, 'tracked'),
        })}
        {seriesLine({
          dataKey: 'delayed',
          name: delayedName,
          colorIndex: 1,
          dots: needsDots(rows, 'delayed'),
        })}
      </LineChart>
    </MetricChart>
  );
}
