import {
  Job,
  ModelMonitor,
  MonitoringTask,
  PREDICTION_FEATURE,
} from '@ml-platform/plugin-ml-common';
import { useDialogForm } from '../../hooks/useDialogForm';
import {
  DRIFT_STATISTICS,
  DriftStatistic,
  MonitorFormValues,
  MonitorMetricKind,
  QUALITY_METRICS,
  TECHNICAL_METRICS,
  WINDOW_CHOICES,
  formatSeconds,
  monitorFormProblems,
  monitorFormValues,
} from '../../lib/monitors';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import {
  FormRow,
  FormTextField,
  SelectField,
  SelectOption,
  SwitchField,
} from '../FormFields';

export interface MonitorDialogProps extends DialogOpenProps {
  /** The monitor to edit; a new one without it. */
  monitor?: ModelMonitor;
  /** Which quality metrics make sense for the model. */
  task: MonitoringTask;
  /** The declared features drift is computed for. */
  features: string[];
  /** The project's jobs, one of which an alert may start. */
  jobs: Job[];
  onSave: (values: MonitorFormValues) => Promise<unknown>;
}

const KIND_OPTIONS: SelectOption[] = [
  { value: 'quality', label: 'Quality (prediction vs truth)' },
  { value: 'drift', label: 'Drift (inputs vs baseline)' },
  { value: 'technical', label: 'Technical (latency, errors)' },
  { value: 'aggregate', label: 'Aggregate metric (tracked by the SDK)' },
];

const STATISTIC_LABELS: Record<DriftStatistic, string> = {
  psi: 'PSI',
  ks: 'Kolmogorov–Smirnov statistic',
  chiSquare: 'Chi-square statistic',
};

const asOptions = (names: readonly string[]): SelectOption[] =>
  names.map(n => ({ value: n, label: n }));

/**
 * Creates or edits a monitor: what it watches (a quality, drift, technical
 * or aggregate metric), over which window, the threshold and its direction,
 * and the job an alert starts.
 */
export function MonitorDialog(props: MonitorDialogProps) {
  const { open, onClose, monitor, task, features, jobs, onSave } = props;
  const form = useDialogForm({
    open,
    initialValues: () => monitorFormValues(monitor),
    validate: monitorFormProblems,
    onSubmit: onSave,
    onSuccess: onClose,
  });
  const { values, setValues, fieldProps } = form;

  const metricNames =
    values.kind === 'quality' ? QUALITY_METRICS[task] : TECHNICAL_METRICS;
  // A window the monitor has that is not one of the usual ones stays choosable.
  const windows = [
    ...new Set([...WINDOW_CHOICES, Number(monitor?.windowSeconds ?? 3600)]),
  ].sort((a, b) => a - b);

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      titleId="ml-monitor-title"
      title={monitor ? `Edit monitor ${monitor.name}` : 'New monitor'}
      submitLabel={monitor ? 'Save' : 'Create'}
      form={form}
    >
      <FormTextField
        id="ml-monitor-name"
        label="Name"
        {...fieldProps('name')}
        help='e.g. "mae-too-high"'
      />
      <SelectField
        id="ml-monitor-kind"
        label="Metric kind"
        value={values.kind}
        options={KIND_OPTIONS}
        onChange={kind =>
          setValues({ kind: kind as MonitorMetricKind, metricName: '' })
        }
      />
      {values.kind === 'drift' && (
        <FormRow>
          <SelectField
            id="ml-monitor-feature"
            label="Feature"
            options={[
              { value: PREDICTION_FEATURE, label: 'The prediction' },
              ...asOptions(features),
            ]}
            {...fieldProps('feature')}
          />
          <SelectField
            id="ml-monitor-statistic"
            label="Statistic"
            value={values.statistic}
            options={DRIFT_STATISTICS.map(s => ({
              value: s,
              label: STATISTIC_LABELS[s],
            }))}
            onChange={s => setValues({ statistic: s as DriftStatistic })}
          />
        </FormRow>
      )}
      {(values.kind === 'quality' || values.kind === 'technical') && (
        <SelectField
          id="ml-monitor-metric"
          label="Metric"
          options={[
            { value: '', label: 'Pick one' },
            ...asOptions(metricNames),
          ]}
          {...fieldProps('metricName')}
        />
      )}
      {values.kind === 'aggregate' && (
        <FormTextField
          id="ml-monitor-metric"
          label="Metric"
          {...fieldProps('metricName')}
          help="A name sent with track_aggregate_metrics"
        />
      )}
      <FormRow>
        <SelectField
          id="ml-monitor-direction"
          label="Alert when the value is"
          value={values.direction}
          options={[
            { value: 'above', label: 'Above the threshold' },
            { value: 'below', label: 'Below the threshold' },
          ]}
          onChange={d => setValues({ direction: d as 'above' | 'below' })}
        />
        <FormTextField
          id="ml-monitor-threshold"
          label="Threshold"
          {...fieldProps('threshold')}
          inputProps={{ inputMode: 'decimal' }}
        />
      </FormRow>
      <FormRow>
        <SelectField
          id="ml-monitor-window"
          label="Window"
          options={windows.map(w => ({
            value: String(w),
            label: formatSeconds(w),
          }))}
          {...fieldProps('windowSeconds')}
        />
        <FormTextField
          id="ml-monitor-min-samples"
          label="Minimum samples"
          {...fieldProps('minSamples')}
          help="Fewer in a window is insufficient data"
          inputProps={{ inputMode: 'numeric' }}
        />
      </FormRow>
      <FormRow>
        <SelectField
          id="ml-monitor-job"
          label="Job to start on alert"
          options={[
            { value: '', label: 'None' },
            ...jobs.map(j => ({ value: j.id, label: j.name })),
          ]}
          {...fieldProps('triggerJobId')}
        />
        <FormTextField
          id="ml-monitor-cooldown"
          label="Cooldown (seconds)"
          {...fieldProps('cooldownSeconds')}
          help="The job starts at most once in this time"
          inputProps={{ inputMode: 'numeric' }}
        />
      </FormRow>
      <SwitchField label="Enabled" {...fieldProps('enabled')} />
    </FormDialog>
  );
}
