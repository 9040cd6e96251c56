import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  DriftWindow,
  ModelDrift,
  ModelMonitor,
  PREDICTION_FEATURE,
  TakeDriftBaselineRequest,
} from '@ml-platform/plugin-ml-common';
import { ProjectAccess } from '../../hooks/useProjectAccess';
import { DRIFT_COLORS, psiLevel } from '../../lib/chartSeries';
import { MetricsRange, formatTick } from '../../lib/modelMetrics';
import { describeMetric, formatValue } from '../../lib/monitors';
import { GatedButton } from '../GatedButton';
import { TakeBaselineDialog } from './TakeBaselineDialog';

export interface DriftCardProps {
  drift: ModelDrift;
  monitors: ModelMonitor[];
  range: MetricsRange;
  /** With both, a feature without a baseline offers to take one. */
  access?: ProjectAccess;
  onTakeBaseline?: (request: TakeDriftBaselineRequest) => Promise<void>;
}

const featureLabel = (feature: string) =>
  feature === PREDICTION_FEATURE ? 'Prediction' : feature;

/** What the tooltip of a cell says: the window's statistics. */
function describeWindow(w: DriftWindow): string {
  const parts = [`${w.count} values`];
  if (w.psi !== undefined) parts.push(`PSI ${formatValue(w.psi)}`);
  if (w.ks !== undefined) {
    parts.push(`KS ${formatValue(w.ks)} (p ${formatValue(w.ksPValue ?? 1)})`);
  }
  if (w.chiSquare !== undefined) {
    parts.push(
      `χ² ${formatValue(w.chiSquare)} (p ${formatValue(
        w.chiSquarePValue ?? 1,
      )})`,
    );
  }
  return parts.join(' · ');
}

/** The windows of the range, as the server cuts it. */
function windowStarts(drift: ModelDrift): number[] {
  const from = Date.parse(drift.from);
  const to = Date.parse(drift.to);
  const step = drift.stepSeconds * 1000;
  const starts: number[] = [];
  for (let t = from; t < to && starts.length < 1000; t += step) {
    starts.push(t);
  }
  return starts;
}

/**
 * Drift of each declared feature and of the prediction against its
 * baseline: a strip per feature, a cell per window, green below PSI 0.1,
 * amber up to 0.25, red above; the statistics in each cell's tooltip.
 */
export function DriftCard(props: DriftCardProps) {
  const { drift, monitors, range, access, onTakeBaseline } = props;
  const [taking, setTaking] = useState(false);
  const starts = windowStarts(drift);
  const driftMonitors = monitors.filter(m => m.metric.kind === 'drift');
  const canTake = Boolean(access && onTakeBaseline);

  return (
    <InfoCard
      title="Drift"
      subheader="PSI per window against the baseline: green < 0.1, amber ≤ 0.25, red above"
    >
      {drift.features.length === 0 ? (
        <Typography color="textSecondary">
          No feature is declared for drift.
        </Typography>
      ) : (
        <table
          aria-label="Drift per feature"
          style={{ width: '100%', borderSpacing: 1 }}
        >
          <tbody>
            {drift.features.map(feature => {
              const byStart = new Map(
                feature.windows.map(w => [Date.parse(w.start), w]),
              );
              return (
                <tr key={feature.feature}>
                  <th
                    scope="row"
                    style={{ textAlign: 'left', width: 140, fontWeight: 400 }}
                  >
                    {featureLabel(feature.feature)}
                  </th>
                  {feature.windows.length === 0 ? (
                    <td colSpan={starts.length}>
                      <Box display="flex" alignItems="center">
                        <Typography variant="body2" color="textSecondary">
                          No baseline or no values in this range.
                        </Typography>
                        {canTake && !feature.baseline && (
                          <Box marginLeft={2}>
                            <GatedButton
                              size="small"
                              variant="outlined"
                              color="primary"
                              requires={{
                                access: access!,
                                role: 'contributor',
                              }}
                              aria-label={`Take baseline for ${featureLabel(
                                feature.feature,
                              )}`}
                              onClick={() => setTaking(true)}
                            >
                              Take baseline
                            </GatedButton>
                          </Box>
                        )}
                      </Box>
                    </td>
                  ) : (
                    starts.map(start => {
                      const w = byStart.get(start);
                      const label = `${featureLabel(
                        feature.feature,
                      )} at ${formatTick(start, range)}: ${
                        w ? describeWindow(w) : 'no values'
                      }`;
                      return (
                        <Tooltip key={start} title={label}>
                          <td
                            aria-label={label}
                            data-level={psiLevel(w?.psi)}
                            style={{
                              height: 20,
                              background: DRIFT_COLORS[psiLevel(w?.psi)],
                            }}
                          />
                        </Tooltip>
                      );
                    })
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {driftMonitors.length > 0 && (
        <Box marginTop={1}>
          {driftMonitors.map(m => (
            <Typography key={m.id} variant="body2" color="textSecondary">
              {`Monitor ${m.name}: ${describeMetric(m.metric)} ${
                m.direction
              } ${formatValue(m.threshold)}`}
            </Typography>
          ))}
        </Box>
      )}
      {onTakeBaseline && (
        <TakeBaselineDialog
          open={taking}
          onTake={onTakeBaseline}
          onClose={() => setTaking(false)}
        />
      )}
    </InfoCard>
  );
}
