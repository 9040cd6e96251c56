import {
  Area,
  CartesianGrid,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { MetricsRange, formatTick } from '../../lib/modelMetrics';
import { SERIES_COLORS } from './MetricChart';

// Functions, not components: recharts finds its axes and series by element
// type, so they must be its own elements (arrays and fragments it flattens).

export interface TimeAxesOptions {
  range: MetricsRange;
  /**
   * The range's [from, to] in epoch ms: every chart of the page spans the
   * same times, whatever data it has.
   */
  domain?: [number, number];
  /** Shown after each value in the tooltip; without it values show as is. */
  unit?: string;
  yDomain?: [number, number];
}

/** The grid, the time axis, the value axis and the tooltip of a chart. */
export function timeAxes(options: TimeAxesOptions) {
  const { range, domain, unit, yDomain } = options;
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" />,
    <XAxis
      key="x"
      dataKey="time"
      type="number"
      scale="time"
      domain={domain ?? ['dataMin', 'dataMax']}
      allowDataOverflow
      tickFormatter={t => formatTick(t, range)}
    />,
    <YAxis key="y" domain={yDomain} />,
    <Tooltip
      key="tooltip"
      labelFormatter={t => new Date(t).toLocaleString()}
      formatter={
        unit === undefined
          ? undefined
          : (v: unknown) =>
              typeof v === 'number' ? `${Number(v.toFixed(3))} ${unit}` : '–'
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

export interface LineOptions extends SeriesOptions {
  /** Draws each value as a dot too: see `needsDots`. */
  dots?: boolean;
  /** Dashed, e.g. for a second view of the same quantity. */
  dashed?: boolean;
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

/**
 * A line that breaks where a value is null (no data is a gap, not a
 * slope to the next value) and does not animate on every refresh.
 */
export function seriesLine(options: LineOptions) {
  const { dots, dashed, ...series } = options;
  return (
    <Line
      key={options.dataKey}
      {...seriesProps(series)}
      dot={dots ? { r: 3 } : false}
      strokeDasharray={dashed ? '5 3' : undefined}
      connectNulls={false}
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

/** A monitor's threshold across the chart, dashed, named at its end. */
export function thresholdLine(options: { y: number; label: string }) {
  return (
    <ReferenceLine
      key={`threshold-${options.label}`}
      y={options.y}
      stroke="#E53E3E"
      strokeDasharray="6 4"
      label={{ value: options.label, position: 'insideTopRight', fontSize: 11 }}
      ifOverflow="extendDomain"
    />
  );
}

/** Values drawn as dots only, e.g. single measurements over a range. */
export function seriesPoints(options: SeriesOptions) {
  const series = seriesProps(options);
  return (
    <Line
      key={options.dataKey}
      {...series}
      strokeWidth={0}
      dot={{ r: 3, fill: series.stroke, stroke: series.stroke }}
      legendType="circle"
      connectNulls={false}
    />
  );
}
