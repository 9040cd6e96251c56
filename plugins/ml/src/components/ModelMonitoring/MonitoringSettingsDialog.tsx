import {
  ModelMonitoringSettings,
  ModelMonitoringSettingsInput,
  MonitoredFeature,
  MonitoringTask,
} from '@ml-platform/plugin-ml-common';
import { useDialogForm } from '../../hooks/useDialogForm';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import { FormRow, FormTextField, SelectField } from '../FormFields';

export interface MonitoringSettingsDialogProps extends DialogOpenProps {
  settings?: ModelMonitoringSettings;
  onSave: (settings: ModelMonitoringSettingsInput) => Promise<unknown>;
}

const CATEGORICAL = ':categorical';

/** Features one per line; a categorical one ends in ":categorical". */
export function parseFeatures(text: string): MonitoredFeature[] {
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
    .map(line =>
      line.endsWith(CATEGORICAL)
        ? {
            name: line.slice(0, -CATEGORICAL.length).trim(),
            type: 'categorical',
          }
        : { name: line, type: 'numeric' },
    );
}

const featuresText = (features: MonitoredFeature[]) =>
  features
    .map(f => (f.type === 'categorical' ? `${f.name}${CATEGORICAL}` : f.name))
    .join('\n');

/**
 * Says what the model's quality and drift are computed from: its task,
 * which tracked metric is the prediction and which delayed one its truth,
 * and the request fields whose drift is watched.
 */
export function MonitoringSettingsDialog(props: MonitoringSettingsDialogProps) {
  const { open, onClose, settings, onSave } = props;
  const form = useDialogForm({
    open,
    initialValues: () => ({
      task: settings?.task ?? ('regression' as MonitoringTask),
      predictionMetric: settings?.predictionMetric ?? '',
      truthMetric: settings?.truthMetric ?? '',
      features: featuresText(settings?.features ?? []),
    }),
    validate: values => ({
      predictionMetric:
        !values.predictionMetric.trim() && 'The metric the model tracks',
      truthMetric:
        !values.truthMetric.trim() && 'The delayed metric with the truth',
    }),
    onSubmit: values =>
      onSave({
        task: values.task,
        predictionMetric: values.predictionMetric.trim(),
        truthMetric: values.truthMetric.trim(),
        features: parseFeatures(values.features),
      }),
    onSuccess: onClose,
  });
  const { values, setValues, fieldProps } = form;

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      titleId="ml-monitoring-settings-title"
      title="Monitoring settings"
      submitLabel="Save"
      form={form}
    >
      <SelectField
        id="ml-monitoring-task"
        label="Task"
        value={values.task}
        options={[
          { value: 'regression', label: 'Regression (MAE, RMSE, MAPE)' },
          {
            value: 'classification',
            label: 'Classification (accuracy, precision, recall, F1)',
          },
        ]}
        onChange={task => setValues({ task: task as MonitoringTask })}
      />
      <FormRow>
        <FormTextField
          id="ml-monitoring-prediction"
          label="Prediction metric"
          {...fieldProps('predictionMetric')}
          help="Tracked with each prediction, e.g. with track_metrics"
        />
        <FormTextField
          id="ml-monitoring-truth"
          label="Truth metric"
          {...fieldProps('truthMetric')}
          help="Sent later with track_delayed_metrics"
        />
      </FormRow>
      <FormTextField
        id="ml-monitoring-features"
        label="Features"
        {...fieldProps('features')}
        multiline
        minRows={3}
        help='Request fields to watch for drift, one per line; end a categorical one in ":categorical"'
      />
    </FormDialog>
  );
}
