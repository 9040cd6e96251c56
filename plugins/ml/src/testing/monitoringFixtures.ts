import {
  ModelDrift,
  ModelEvent,
  ModelMonitor,
  ModelMonitoringSettings,
  ModelQuality,
  MonitorEvaluation,
  PREDICTION_FEATURE,
  PromotionPolicy,
} from '@ml-platform/plugin-ml-common';
import { churnModel, churnProject, trainJob } from './fixtures';

// The MLOps loop of the churn model: its monitoring settings, quality and
// drift over three minutes, a monitor that alerts and starts `train`, and
// what came of it.

export const churnSettings: ModelMonitoringSettings = {
  modelId: churnModel.id,
  configured: true,
  task: 'regression',
  predictionMetric: 'score',
  truthMetric: 'actual',
  features: [
    { name: 'tenure', type: 'numeric' },
    { name: 'plan', type: 'categorical' },
  ],
  baselineSize: 1000,
  source: 'settings',
  updatedAt: '2026-01-12T09:00:00.000Z',
  baselines: [],
};

export const unconfiguredSettings: ModelMonitoringSettings = {
  modelId: churnModel.id,
  configured: false,
  task: 'regression',
  features: [],
  baselineSize: 1000,
  source: 'default',
  baselines: [],
};

export const maeMonitor: ModelMonitor = {
  id: 'c0000000-0000-4000-8000-000000000001',
  projectId: churnProject.id,
  modelId: churnModel.id,
  name: 'mae-too-high',
  metric: { kind: 'quality', name: 'mae' },
  windowSeconds: 3600,
  threshold: 0.2,
  direction: 'above',
  minSamples: 30,
  cooldownSeconds: 86400,
  triggerJobId: trainJob.id,
  enabled: true,
  state: 'alerting',
  stateSince: '2026-01-12T10:00:00.000Z',
  lastValue: 0.31,
  lastSamples: 120,
  lastWindowEnd: '2026-01-12T10:00:00.000Z',
  lastTriggeredAt: '2026-01-12T10:00:01.000Z',
  createdBy: 'user:default/jane',
  createdAt: '2026-01-12T08:00:00.000Z',
  updatedAt: '2026-01-12T08:00:00.000Z',
};

export const driftMonitor: ModelMonitor = {
  ...maeMonitor,
  id: 'c0000000-0000-4000-8000-000000000002',
  name: 'tenure-drift',
  metric: { kind: 'drift', feature: 'tenure', statistic: 'psi' },
  threshold: 0.25,
  triggerJobId: undefined,
  state: 'insufficient_data',
  lastValue: undefined,
};

export const alertEvaluation: MonitorEvaluation = {
  id: 'e-1',
  monitorId: maeMonitor.id,
  windowStart: '2026-01-12T09:00:00.000Z',
  windowEnd: '2026-01-12T10:00:00.000Z',
  value: 0.31,
  samples: 120,
  state: 'alerting',
  transition: true,
  triggeredRunId: 'r0000000-0000-4000-8000-000000000001',
  evaluatedAt: '2026-01-12T10:00:01.000Z',
};

export const churnPolicy: PromotionPolicy = {
  modelId: churnModel.id,
  enabled: true,
  metric: 'rmse',
  source: 'mlflowRun',
  better: 'lower',
  margin: 0.01,
  updatedBy: 'user:default/olga',
  updatedAt: '2026-01-12T08:00:00.000Z',
};

export const churnEvents: ModelEvent[] = [
  {
    id: 'ev-2',
    modelId: churnModel.id,
    kind: 'candidate_refused',
    message: 'Candidate rmse 0.30 does not beat the active 0.28 by 0.01',
    details: { buildId: 'b-9', runId: alertEvaluation.triggeredRunId },
    at: '2026-01-12T10:20:00.000Z',
  },
  {
    id: 'ev-1',
    modelId: churnModel.id,
    kind: 'retrain_started',
    message: 'mae-too-high is alerting: started train',
    details: {
      monitorId: maeMonitor.id,
      jobId: trainJob.id,
      runId: alertEvaluation.triggeredRunId,
    },
    at: '2026-01-12T10:00:01.000Z',
  },
];

const minute = (m: number) =>
  new Date(Date.parse('2026-01-12T10:00:00.000Z') + m * 60_000).toISOString();

export const churnQuality: ModelQuality = {
  from: minute(0),
  to: minute(3),
  stepSeconds: 60,
  configured: true,
  task: 'regression',
  predictionMetric: 'score',
  truthMetric: 'actual',
  windows: [
    { start: minute(0), count: 10, mae: 0.1, rmse: 0.12, mape: 8 },
    // No truth arrived for this window: a gap, not a zero.
    { start: minute(1), count: 0 },
    { start: minute(2), count: 12, mae: 0.3, rmse: 0.35, mape: 20 },
  ],
  aggregates: [{ name: 'auc', value: 0.81, start: minute(0), end: minute(3) }],
  pairs: [
    { at: minute(0), prediction: 0.4, truth: 0.5 },
    { at: minute(2), prediction: 0.7, truth: 0.2 },
  ],
};

export const churnDrift: ModelDrift = {
  from: minute(0),
  to: minute(3),
  stepSeconds: 60,
  features: [
    {
      feature: 'tenure',
      type: 'numeric',
      windows: [
        { start: minute(0), count: 10, psi: 0.05, ks: 0.1, ksPValue: 0.6 },
        { start: minute(1), count: 10, psi: 0.18, ks: 0.2, ksPValue: 0.04 },
        { start: minute(2), count: 10, psi: 0.4, ks: 0.5, ksPValue: 0.001 },
      ],
    },
    {
      feature: PREDICTION_FEATURE,
      type: 'numeric',
      windows: [{ start: minute(0), count: 10, psi: 0.02 }],
    },
    { feature: 'plan', type: 'categorical', windows: [] },
  ],
};
