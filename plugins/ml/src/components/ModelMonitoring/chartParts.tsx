import { Area, CartesianGrid, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { MetricsRange, formatTick } from '../../lib/modelMetrics';
import { SERIES_COLORS } from './MetricChart';

// Functions, not components: recharts finds its axes and series by element
// type, so they must be its own elements (arrays and fragments it flattens).

export interface TimeAxesOptions {
  range: MetricsRange;
  /** Shown after each value in the tooltip; without it values show as is. */
  unit?: string;
  yDomain?: [number, number];
}

/** The grid, the time axis, the value axis and the tooltip of a chart. */
export function timeAxes(options: TimeAxesOptions) {
  const { range, unit, yDomain } = options;
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" />,
    <XAxis
      key="x"
      dataKey="time"
      type="number"
      scale="time"
      domain={['dataMin', 'dataMax']}
      tickFormatter={t => formatTick(t, range)}
    />,
    <YAxis key="y" domain={yDomain} />,
    <Tooltip
      key="tooltip"
      labelFormatter={t => new Date(t).toLocaleString()}
      formatter={
        unit === undefined
          ? undefined
          : (v: number) => `${Number(v.toFixed(3))} ${unit}`
      }
    />,
  ];
}

export interface SeriesOptions {
  dataKey: string;
  name?: string;
  /** Index into SERIES_COLORS; wraps around. */
  colorIndex: number;
}

function seriesColor(index: number) {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

/** What every series has: its data, name and colour, and no animation. */
function seriesProps(options: SeriesOptions) {
  const { dataKey, name, colorIndex } = options;
  return {
    dataKey,
    name,
    stroke: seriesColor(colorIndex),
    // Not on every refresh.
    isAnimationActive: false,
  };
}

/** A line that skips gaps and does not animate on every refresh. */
export function seriesLine(options: SeriesOptions) {
  return (
    <Line
      key={options.dataKey}
      {...seriesProps(options)}
      dot={false}
      connectNulls
    />
  );
}

/** A filled area that does not animate on every refresh. */
export function seriesArea(options: SeriesOptions) {
  const series = seriesProps(options);
  return (
    <Area
      key={options.dataKey}
      {...series}
      fill={series.stroke}
      fillOpacity={0.3}
    />
  );
}
