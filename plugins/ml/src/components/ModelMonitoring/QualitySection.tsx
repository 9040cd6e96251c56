import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  ModelMonitoringSettingsInput,
  TakeDriftBaselineRequest,
} from '@ml-platform/plugin-ml-common';
import { ProjectAccess } from '../../hooks/useProjectAccess';
import { MetricsRange } from '../../lib/modelMetrics';
import { DriftCard } from './DriftCard';
import { MonitoringSetup } from './MonitoringSetup';
import { QualityCard } from './QualityCard';
import { MonitoringData } from './useMonitoringData';

export interface QualitySectionProps {
  data: MonitoringData;
  range: MetricsRange;
  access: ProjectAccess;
  onSaveSettings: (settings: ModelMonitoringSettingsInput) => Promise<void>;
  onTakeBaseline: (request: TakeDriftBaselineRequest) => Promise<void>;
}

/**
 * The model's quality and drift, or, until it has a prediction joined with
 * its truth, how to get there. A part that failed to load says so and
 * leaves the traffic charts below it.
 */
export function QualitySection(props: QualitySectionProps) {
  const { data, range, access, onSaveSettings, onTakeBaseline } = props;
  const { quality, drift, settings, domain } = data;
  const monitors = data.monitors.value ?? [];
  const failed = [quality, drift, settings].find(p => p.error)?.error;
  const hasTruth =
    quality.value?.configured && quality.value.windows.some(w => w.count > 0);

  return (
    <>
      {failed && (
        <Grid item xs={12}>
          <Typography color="error" role="alert">
            {`Quality and drift could not be loaded: ${failed.message}`}
          </Typography>
        </Grid>
      )}
      {settings.value && !hasTruth && (
        <Grid item xs={12}>
          <MonitoringSetup
            settings={settings.value}
            access={access}
            onSave={onSaveSettings}
          />
        </Grid>
      )}
      {quality.value && hasTruth && (
        <QualityCard
          quality={quality.value}
          monitors={monitors}
          range={range}
          domain={domain}
        />
      )}
      {drift.value && drift.value.features.length > 0 && (
        <Grid item xs={12}>
          <DriftCard
            drift={drift.value}
            monitors={monitors}
            range={range}
            access={access}
            onTakeBaseline={onTakeBaseline}
          />
        </Grid>
      )}
    </>
  );
}
