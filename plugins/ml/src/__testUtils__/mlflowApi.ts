import {
  MlflowApi,
  MlflowExperiment,
  MlflowMetric,
  MlflowModelVersion,
  MlflowRegisteredModel,
  MlflowRun,
  MlflowRunInfo,
} from '../api';

/** A fake of every MlflowApi method, for tests to stub as they need. */
export function createMockMlflowApi(): jest.Mocked<MlflowApi> {
  return {
    searchExperiments: jest.fn(),
    createExperiment: jest.fn(),
    getExperiment: jest.fn(),
    searchRuns: jest.fn(),
    getRun: jest.fn(),
    getMetricHistory: jest.fn(),
    listArtifacts: jest.fn(),
    artifactUrl: jest.fn(),
    downloadArtifact: jest.fn(),
    deleteRun: jest.fn(),
    restoreRun: jest.fn(),
    searchRegisteredModels: jest.fn(),
    getRegisteredModel: jest.fn(),
    createRegisteredModel: jest.fn(),
    setRegisteredModelTag: jest.fn(),
    searchModelVersions: jest.fn(),
    getModelVersion: jest.fn(),
    createModelVersion: jest.fn(),
    updateModelVersion: jest.fn(),
    transitionModelVersionStage: jest.fn(),
    setModelVersionTag: jest.fn(),
    setRegisteredModelAlias: jest.fn(),
    deleteRegisteredModelAlias: jest.fn(),
    getModelVersionByAlias: jest.fn(),
  };
}

/**
 * A tracking server with nothing in it: its searches answer empty pages.
 * What the pages that show MLflow data on the side see by default.
 */
export function createEmptyMlflowApi(): jest.Mocked<MlflowApi> {
  const mlflow = createMockMlflowApi();
  mlflow.searchExperiments.mockResolvedValue({ items: [] });
  mlflow.searchRuns.mockResolvedValue({ items: [] });
  mlflow.searchRegisteredModels.mockResolvedValue({ items: [] });
  mlflow.searchModelVersions.mockResolvedValue({ items: [] });
  return mlflow;
}

export function mlflowModelVersion(
  overrides: Partial<MlflowModelVersion> = {},
): MlflowModelVersion {
  const runId = overrides.run_id ?? mlflowRunId(1);
  return {
    name: 'churn-classifier',
    version: '1',
    creation_timestamp: Date.parse('2026-12-02T11:00:00Z'),
    last_updated_timestamp: Date.parse('2026-12-02T11:00:00Z'),
    user_id: 'jane',
    current_stage: 'None',
    source: `runs:/${runId}/model`,
    run_id: runId,
    status: 'READY',
    tags: [],
    aliases: [],
    ...overrides,
  };
}

export function mlflowRegisteredModel(
  overrides: Partial<MlflowRegisteredModel> = {},
): MlflowRegisteredModel {
  return {
    name: 'churn-classifier',
    creation_timestamp: Date.parse('2026-12-02T11:00:00Z'),
    last_updated_timestamp: Date.parse('2026-12-02T12:00:00Z'),
    latest_versions: [mlflowModelVersion()],
    tags: [{ key: 'ml.project_id', value: 'p-1' }],
    aliases: [],
    ...overrides,
  };
}

export function mlflowExperiment(
  overrides: Partial<MlflowExperiment> = {},
): MlflowExperiment {
  return {
    experiment_id: '7',
    name: 'churn-tuning',
    lifecycle_stage: 'active',
    creation_time: Date.parse('2026-12-01T10:00:00Z'),
    last_update_time: Date.parse('2026-12-02T10:00:00Z'),
    tags: [],
    ...overrides,
  };
}

/** The parts of a run a test names; the rest is a finished run's. */
export interface MlflowRunOptions {
  id: string;
  name?: string;
  info?: Partial<MlflowRunInfo>;
  params?: Record<string, string>;
  /** Latest values, at step 0 unless given as `[value, step]`. */
  metrics?: Record<string, number | [number, number]>;
  tags?: Record<string, string>;
}

/** A run id as MLflow makes them: 32 hex characters. */
export function mlflowRunId(n: number): string {
  return n.toString(16).padStart(32, '0');
}

export function mlflowRun(options: MlflowRunOptions): MlflowRun {
  const start = Date.parse('2026-12-02T09:00:00Z');
  const metrics = Object.entries(options.metrics ?? {}).map(
    ([key, v]): MlflowMetric => {
      const [value, step] = Array.isArray(v) ? v : [v, 0];
      return { key, value, step, timestamp: start + 1000 };
    },
  );
  return {
    info: {
      run_id: options.id,
      run_name: options.name,
      experiment_id: '7',
      user_id: 'jane',
      status: 'FINISHED',
      start_time: start,
      end_time: start + 95_000,
      artifact_uri: `mlflow-artifacts:/7/${options.id}/artifacts`,
      lifecycle_stage: 'active',
      ...options.info,
    },
    data: {
      metrics,
      params: Object.entries(options.params ?? {}).map(([key, value]) => ({
        key,
        value,
      })),
      tags: Object.entries(options.tags ?? {}).map(([key, value]) => ({
        key,
        value,
      })),
    },
    inputs: { dataset_inputs: [] },
  };
}
