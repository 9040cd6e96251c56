import {
  CreateModelMonitorRequest,
  ModelMonitor,
  MonitorMetric,
  MonitorState,
  PREDICTION_FEATURE,
  UpdateModelMonitorRequest,
} from '@ml-platform/plugin-ml-common';
import { StatusLook } from '../components/StatusChip';

/** How each monitor state shows: alerting stands out, no data is grey. */
export const MONITOR_STATE_LOOKS: Record<MonitorState, StatusLook> = {
  pending: { label: 'Pending', kind: 'pending' },
  ok: { label: 'OK', kind: 'ok' },
  alerting: { label: 'Alerting', kind: 'error' },
  insufficient_data: { label: 'Insufficient data', kind: 'aborted' },
};

export type MonitorMetricKind = MonitorMetric['kind'];
export type DriftStatistic = NonNullable<MonitorMetric['statistic']>;

export const QUALITY_METRICS = {
  regression: ['mae', 'rmse', 'mape'],
  classification: ['accuracy', 'precision', 'recall', 'f1'],
} as const;

export const TECHNICAL_METRICS = ['p95LatencyMs', 'errorRate'] as const;

export const DRIFT_STATISTICS: DriftStatistic[] = ['psi', 'ks', 'chiSquare'];

/** What a monitor watches, in a few words: "quality mae", "drift psi of tenure". */
export function describeMetric(metric: MonitorMetric): string {
  if (metric.kind === 'drift') {
    const feature =
      metric.feature === PREDICTION_FEATURE
        ? 'the prediction'
        : metric.feature ?? '?';
    return `drift ${metric.statistic ?? 'psi'} of ${feature}`;
  }
  return `${metric.kind} ${metric.name ?? '?'}`;
}

/** A measured value as tables show it: up to 4 significant digits. */
export function formatValue(value: number): string {
  return String(Number(value.toPrecision(4)));
}

const UNITS: Array<[number, string]> = [
  [86400, 'd'],
  [3600, 'h'],
  [60, 'min'],
];

/** A window or cooldown in the largest whole unit: 3600 → "1h". */
export function formatSeconds(seconds: number): string {
  for (const [size, unit] of UNITS) {
    if (seconds >= size && seconds % size === 0) {
      return `${seconds / size}${unit}`;
    }
  }
  return `${seconds}s`;
}

/** The windows the form offers (the API takes any from 1 min to 30 days). */
export const WINDOW_CHOICES = [300, 900, 3600, 6 * 3600, 86400, 7 * 86400];

/** What the monitor dialog edits, as its fields hold it. */
export interface MonitorFormValues {
  name: string;
  kind: MonitorMetricKind;
  metricName: string;
  feature: string;
  statistic: DriftStatistic;
  windowSeconds: string;
  threshold: string;
  direction: 'above' | 'below';
  minSamples: string;
  cooldownSeconds: string;
  /** '' for none. */
  triggerJobId: string;
  enabled: boolean;
}

export function monitorFormValues(monitor?: ModelMonitor): MonitorFormValues {
  return {
    name: monitor?.name ?? '',
    kind: monitor?.metric.kind ?? 'quality',
    metricName: monitor?.metric.name ?? '',
    feature: monitor?.metric.feature ?? PREDICTION_FEATURE,
    statistic: monitor?.metric.statistic ?? 'psi',
    windowSeconds: String(monitor?.windowSeconds ?? 3600),
    threshold: monitor ? String(monitor.threshold) : '',
    direction: monitor?.direction ?? 'above',
    minSamples: String(monitor?.minSamples ?? 30),
    cooldownSeconds: String(monitor?.cooldownSeconds ?? 86400),
    triggerJobId: monitor?.triggerJobId ?? '',
    enabled: monitor?.enabled ?? true,
  };
}

const wholeIn = (text: string, min: number, max: number) => {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
};

const DNS_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** What is wrong with the values, by field, as the API would refuse them. */
export function monitorFormProblems(values: MonitorFormValues) {
  return {
    name:
      !DNS_NAME.test(values.name) &&
      'Lower-case letters, digits and dashes, e.g. "mae-too-high"',
    metricName:
      values.kind !== 'drift' && !values.metricName.trim() && 'Pick a metric',
    feature: values.kind === 'drift' && !values.feature && 'Pick a feature',
    threshold:
      (values.threshold.trim() === '' ||
        !Number.isFinite(Number(values.threshold))) &&
      'A number',
    windowSeconds:
      !wholeIn(values.windowSeconds, 60, 2592000) &&
      'Seconds, from 60 to 30 days',
    minSamples:
      !wholeIn(values.minSamples, 1, 1000000) && 'A whole number from 1',
    cooldownSeconds:
      !wholeIn(values.cooldownSeconds, 0, 2592000) &&
      'Seconds, from 0 to 30 days',
  };
}

function metricOf(values: MonitorFormValues): MonitorMetric {
  if (values.kind === 'drift') {
    return {
      kind: 'drift',
      feature: values.feature,
      statistic: values.statistic,
    };
  }
  return { kind: values.kind, name: values.metricName.trim() };
}

/** The request that creates a monitor of the values. */
export function createMonitorRequest(
  values: MonitorFormValues,
): CreateModelMonitorRequest {
  return {
    name: values.name,
    metric: metricOf(values),
    windowSeconds: Number(values.windowSeconds),
    threshold: Number(values.threshold),
    direction: values.direction,
    minSamples: Number(values.minSamples),
    cooldownSeconds: Number(values.cooldownSeconds),
    enabled: values.enabled,
    ...(values.triggerJobId && { triggerJobId: values.triggerJobId }),
  };
}

/** The request that makes a monitor the values; no trigger job clears it. */
export function updateMonitorRequest(
  values: MonitorFormValues,
): UpdateModelMonitorRequest {
  return {
    ...createMonitorRequest(values),
    triggerJobId: values.triggerJobId || null,
  };
}
