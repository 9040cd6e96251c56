import { CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMetric } from './runs';

// A function, not a component: recharts finds its axes by element type (see
// ModelMonitoring/chartParts).

/** The grid, the step axis, the value axis and the tooltip of a history. */
export function stepAxes(options: { legend?: boolean } = {}) {
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" />,
    <XAxis
      key="x"
      dataKey="step"
      type="number"
      domain={['dataMin', 'dataMax']}
      allowDecimals={false}
    />,
    <YAxis key="y" domain={['auto', 'auto']} tickFormatter={formatMetric} />,
    <Tooltip
      key="tooltip"
      labelFormatter={step => `Step ${step}`}
      formatter={(value: number) => formatMetric(value)}
    />,
    ...(options.legend ? [<Legend key="legend" />] : []),
  ];
}
