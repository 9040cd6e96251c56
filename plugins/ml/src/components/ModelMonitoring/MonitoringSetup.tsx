import { useState } from 'react';
import { CodeSnippet, InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  ModelMonitoringSettings,
  ModelMonitoringSettingsInput,
} from '@ml-platform/plugin-ml-common';
import { ProjectAccess } from '../../hooks/useProjectAccess';
import { GatedButton } from '../GatedButton';
import { MonitoringSettingsDialog } from './MonitoringSettingsDialog';

export interface MonitoringSetupProps {
  settings?: ModelMonitoringSettings;
  access: ProjectAccess;
  onSave: (settings: ModelMonitoringSettingsInput) => Promise<unknown>;
}

/** The SDK calls that give a model its quality, with the names set. */
export function trackingSnippet(settings?: ModelMonitoringSettings): string {
  const prediction = settings?.predictionMetric ?? 'score';
  const truth = settings?.truthMetric ?? 'actual';
  return `from ml_platform import (
    track_aggregate_metrics,
    track_delayed_metrics,
    track_metrics,
)

# In the model function: track the prediction with the request.
def predict(args):
    ${prediction} = model.predict(args)
    track_metrics({"${prediction}": ${prediction}})
    return {"${prediction}": ${prediction}}

# Later, once the truth is known: add it to that prediction by its uuid.
track_delayed_metrics({"${truth}": ${truth}}, prediction_uuid)

# Or metrics computed elsewhere over a time range (epoch ms or datetimes).
track_aggregate_metrics({"auc": 0.91}, start, end)`;
}

/**
 * What the Monitoring tab shows until the model's quality can be computed:
 * how to track predictions and their truth, and the settings that say
 * which metrics are which.
 */
export function MonitoringSetup(props: MonitoringSetupProps) {
  const { settings, access, onSave } = props;
  const [editing, setEditing] = useState(false);
  const configured = settings?.configured ?? false;
  return (
    <InfoCard
      title={configured ? 'No truth yet' : 'Set up quality monitoring'}
      subheader={
        configured
          ? `No prediction in this range has its ${settings?.truthMetric} yet.`
          : 'Say which tracked metric is the prediction and which delayed metric is its truth.'
      }
    >
      <Typography variant="body2" paragraph>
        The model's quality compares what it predicted with the truth that
        arrives later, joined by the prediction's uuid:
      </Typography>
      <CodeSnippet
        text={trackingSnippet(settings)}
        language="python"
        showCopyCodeButton
      />
      <Box marginTop={2}>
        <GatedButton
          variant="outlined"
          color="primary"
          requires={{ access, role: 'contributor' }}
          onClick={() => setEditing(true)}
        >
          Monitoring settings
        </GatedButton>
      </Box>
      <MonitoringSettingsDialog
        open={editing}
        settings={settings}
        onSave={onSave}
        onClose={() => setEditing(false)}
      />
    </InfoCard>
  );
}
