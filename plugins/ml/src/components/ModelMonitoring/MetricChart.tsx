import { ReactElement, ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ResponsiveContainer } from 'recharts';

/** Distinct colours for series (replicas, percentiles), in order. */
export const SERIES_COLORS = [
  '#2B6CB0',
  '#C05621',
  '#2F855A',
  '#6B46C1',
  '#B83280',
  '#2C7A7B',
  '#975A16',
  '#4A5568',
];

export interface MetricChartProps {
  title: string;
  subheader?: string;
  /** False shows `emptyText` instead of the chart. */
  hasData: boolean;
  emptyText?: string;
  /** Controls in the card's header, e.g. which series to plot. */
  action?: ReactNode;
  /** A recharts chart; the container gives it its size. */
  children: ReactElement;
}

/** A card with one chart that fills its width. */
export function MetricChart(props: MetricChartProps) {
  const { title, subheader, hasData, emptyText, action, children } = props;
  return (
    <InfoCard title={title} subheader={subheader} action={action}>
      {hasData ? (
        <div role="figure" aria-label={title}>
          <ResponsiveContainer width="100%" height={220}>
            {children}
          </ResponsiveContainer>
        </div>
      ) : (
        <Typography color="textSecondary">
          {emptyText ?? 'No data in this range.'}
        </Typography>
      )}
    </InfoCard>
  );
}
