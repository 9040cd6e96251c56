import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import {
  ModelMonitor,
  ModelQuality,
  QualityWindow,
} from '@ml-platform/plugin-ml-common';
import { Legend, LineChart } from 'recharts';
import { needsDots, withGaps } from '../../lib/chartSeries';
import { MetricsRange } from '../../lib/modelMetrics';
import { QUALITY_METRICS } from '../../lib/monitors';
import { ChartSelect } from './ChartSelect';
import { MetricChart } from './MetricChart';
import {
  seriesLine,
  seriesPoints,
  thresholdLine,
  timeAxes,
} from './chartParts';

export interface QualityCardProps {
  quality: ModelQuality;
  monitors: ModelMonitor[];
  range: MetricsRange;
  domain: [number, number];
}

type QualityName = keyof Omit<QualityWindow, 'start' | 'count'>;

const LABELS: Record<QualityName, string> = {
  mae: 'MAE',
  rmse: 'RMSE',
  mape: 'MAPE (%)',
  accuracy: 'Accuracy (0–1)',
  precision: 'Precision (macro)',
  recall: 'Recall (macro)',
  f1: 'F1 (macro)',
};

const thresholdsOf = (
  monitors: ModelMonitor[],
  matches: (m: ModelMonitor) => boolean,
) =>
  monitors
    .filter(m => m.enabled && matches(m))
    .map(m => thresholdLine({ y: m.threshold, label: m.name }));

/**
 * The model's quality: the chosen metric per window (tracked predictions
 * against their delayed truth), the values sent with
 * track_aggregate_metrics, and the pairs themselves; the thresholds of the
 * monitors watching them as dashed lines.
 */
export function QualityCard(props: QualityCardProps) {
  const { quality, monitors, range, domain } = props;
  const names = QUALITY_METRICS[quality.task] as readonly QualityName[];
  const [chosen, setChosen] = useState<QualityName>();
  const name = chosen && names.includes(chosen) ? chosen : names[0];
  const stepMs = quality.stepSeconds * 1000;
  const axes = (unit?: string) => timeAxes({ range, domain, unit });

  const windows = withGaps(
    quality.windows.map(w => ({ time: Date.parse(w.start), [name]: w[name] })),
    [name],
    stepMs,
  );
  const aggregateNames = [...new Set(quality.aggregates.map(a => a.name))];
  const aggregates = quality.aggregates
    .map(a => ({ time: Date.parse(a.end), [a.name]: a.value }))
    .sort((a, b) => a.time - b.time);
  const pairs = quality.pairs
    .map(p => ({
      time: Date.parse(p.at),
      prediction: p.prediction,
      truth: p.truth,
    }))
    .sort((a, b) => a.time - b.time);

  const choice = (
    <Box minWidth={180}>
      <ChartSelect
        id="ml-quality-metric"
        label="Quality metric"
        value={name}
        onChange={v => setChosen(v as QualityName)}
        options={names.map(n => ({ value: n, label: LABELS[n] }))}
        margin="dense"
      />
    </Box>
  );

  return (
    <>
      <Grid item xs={12}>
        <MetricChart
          title="Quality"
          subheader={`${LABELS[name]} of ${quality.predictionMetric} against ${quality.truthMetric}, per window`}
          hasData={windows.some(w => w[name] !== null)}
          emptyText="No prediction in this range has its truth yet."
          action={choice}
        >
          <LineChart data={windows}>
            {axes()}
            <Legend />
            {seriesLine({
              dataKey: name,
              name: LABELS[name],
              colorIndex: 0,
              dots: needsDots(windows, name),
            })}
            {thresholdsOf(
              monitors,
              m => m.metric.kind === 'quality' && m.metric.name === name,
            )}
          </LineChart>
        </MetricChart>
      </Grid>
      <Grid item xs={12} md={6}>
        <MetricChart
          title="Predictions and truth"
          subheader={`${quality.predictionMetric} and ${quality.truthMetric} of each joined prediction`}
          hasData={pairs.length > 0}
          emptyText="No prediction in this range has its truth yet."
        >
          <LineChart data={pairs}>
            {axes()}
            <Legend />
            {seriesPoints({
              dataKey: 'prediction',
              name: quality.predictionMetric ?? 'prediction',
              colorIndex: 0,
            })}
            {seriesPoints({
              dataKey: 'truth',
              name: quality.truthMetric ?? 'truth',
              colorIndex: 1,
            })}
          </LineChart>
        </MetricChart>
      </Grid>
      <Grid item xs={12} md={6}>
        <MetricChart
          title="Aggregate metrics"
          subheader="Sent with track_aggregate_metrics, at the end of their range"
          hasData={aggregates.length > 0}
          emptyText="None sent in this range."
        >
          <LineChart data={aggregates}>
            {axes()}
            <Legend />
            {aggregateNames.map((n, i) =>
              seriesPoints({ dataKey: n, name: n, colorIndex: i + 2 }),
            )}
            {thresholdsOf(
              monitors,
              m =>
                m.metric.kind === 'aggregate' &&
                aggregateNames.includes(m.metric.name ?? ''),
            )}
          </LineChart>
        </MetricChart>
      </Grid>
    </>
  );
}
