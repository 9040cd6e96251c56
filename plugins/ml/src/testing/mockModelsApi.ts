import {
  Model,
  ModelAccessKey,
  ModelBuild,
  ModelDeployment,
  ModelMetrics,
  PredictionResponse,
} from '@ml-platform/plugin-ml-common';
import { MlModelsApi } from '../api';

const PROJECT_ID = '6b1c2c1e-8f1f-4c55-9f43-1e5a0b7e2a10';

/** A fake of every models method of MlApi (part of createMockMlApi). */
export function createMockModelsApi(): jest.Mocked<MlModelsApi> {
  return {
    listModels: jest.fn(),
    getModel: jest.fn(),
    createModel: jest.fn(),
    updateModel: jest.fn(),
    deleteModel: jest.fn(),
    listBuilds: jest.fn(),
    getBuild: jest.fn(),
    createBuild: jest.fn(),
    listDeployments: jest.fn(),
    createDeployment: jest.fn(),
    scaleDeployment: jest.fn(),
    stopDeployment: jest.fn(),
    listAccessKeys: jest.fn(),
    createAccessKey: jest.fn(),
    revokeAccessKey: jest.fn(),
    predict: jest.fn(),
    listPredictions: jest.fn(),
    getModelMetrics: jest.fn(),
  };
}

/** The churn project's model, served by `churnDeployment`. */
export const churnModel: Model = {
  id: '3f0e9a1c-2b4d-4e6f-8a0b-1c2d3e4f5a60',
  projectId: PROJECT_ID,
  name: 'churn-predictor',
  description: 'Scores customers by how likely they leave',
  disableAuthentication: false,
  activeDeploymentId: 'd1e2f3a4-0000-4000-8000-000000000002',
  createdBy: 'user:default/jane',
  createdAt: '2026-01-12T10:00:00.000Z',
  updatedAt: '2026-01-12T10:10:00.000Z',
};

/** Build 2 of the churn model: built, with two examples. */
export const churnBuild: ModelBuild = {
  id: 'b0000000-0000-4000-8000-000000000002',
  modelId: churnModel.id,
  number: 2,
  filePath: 'predict.py',
  functionName: 'predict',
  runtimeId: 'rt-1',
  comment: 'more trees',
  examples: [
    { request: { tenure: 3, plan: 'basic' }, response: { churn: 0.81 } },
    { request: { tenure: 40, plan: 'pro' } },
  ],
  env: {},
  state: 'built',
  workloadId: 'w0000000-0000-4000-8000-00000000b002',
  datasets: [],
  lineageMetadata: {},
  createdBy: 'user:default/jane',
  createdAt: '2026-01-12T10:01:00.000Z',
  builtAt: '2026-01-12T10:02:00.000Z',
};

/** Build 1: failed at import. */
export const failedBuild: ModelBuild = {
  ...churnBuild,
  id: 'b0000000-0000-4000-8000-000000000001',
  number: 1,
  comment: 'first try',
  examples: [],
  state: 'failed',
  reason: "ModuleNotFoundError: No module named 'sklearn'",
  workloadId: 'w0000000-0000-4000-8000-00000000b001',
  builtAt: undefined,
};

/** Build 2 deployed with two replicas, one of them ready. */
export const churnDeployment: ModelDeployment = {
  id: churnModel.activeDeploymentId!,
  modelId: churnModel.id,
  buildId: churnBuild.id,
  buildNumber: 2,
  replicas: 2,
  profile: 'small',
  env: {},
  state: 'deployed',
  replicaStatus: [
    {
      workloadId: 'w0000000-0000-4000-8000-00000000r000',
      index: 0,
      state: 'running',
      ready: true,
    },
    {
      workloadId: 'w0000000-0000-4000-8000-00000000r001',
      index: 1,
      state: 'starting',
      ready: false,
    },
  ],
  createdBy: 'user:default/jane',
  createdAt: '2026-01-12T10:03:00.000Z',
  updatedAt: '2026-01-12T10:04:00.000Z',
};

export const churnKey: ModelAccessKey = {
  id: 'k0000000-0000-4000-8000-000000000001',
  modelId: churnModel.id,
  name: 'crm',
  masked: 'mk_3f9a…',
  createdBy: 'user:default/jane',
  createdAt: '2026-01-12T10:05:00.000Z',
};

export const churnPrediction: PredictionResponse = {
  success: true,
  response: { churn: 0.77 },
  uuid: '9f1e2d3c-4b5a-4697-8887-766554433221',
  replica: 1,
  timing: { modelMs: 3.2, totalMs: 4.9 },
};

/** Two minute buckets of traffic with a tracked and a delayed metric. */
export const churnMetrics: ModelMetrics = {
  from: '2026-01-12T10:00:00.000Z',
  to: '2026-01-12T10:02:00.000Z',
  stepSeconds: 60,
  buckets: [
    {
      at: '2026-01-12T10:00:00.000Z',
      requests: 120,
      errors: 6,
      p50Ms: 4,
      p95Ms: 9,
      p99Ms: 15,
      metrics: { score: 0.7 },
      delayedMetrics: { actual: 0.6 },
    },
    {
      at: '2026-01-12T10:01:00.000Z',
      requests: 60,
      errors: 0,
      p50Ms: 5,
      p95Ms: 11,
      p99Ms: 20,
      metrics: { score: 0.5 },
      delayedMetrics: {},
    },
  ],
  usage: [
    { at: '2026-01-12T10:00:00.000Z', replica: 0, cpu: 0.25, memoryMiB: 120 },
    { at: '2026-01-12T10:00:00.000Z', replica: 1, cpu: 0.5, memoryMiB: 140 },
    { at: '2026-01-12T10:01:00.000Z', replica: 0, cpu: 0.3, memoryMiB: 121 },
  ],
};
