import { roleAtLeast } from '@ml-platform/plugin-ml-common';
import { MatrixCaller } from './routeNeeds';
import {
  MLFLOW_REGISTRY_ROUTES,
  RegistryFixtures,
} from './mlflowRegistryRoutes';

/**
 * What a route of the MLflow API needs: any signed-in user (searches list
 * only readable projects' things), or a right on the project of the
 * experiment, run or model it names (read: viewer; write: contributor).
 */
export type MlflowNeed = 'user' | 'read' | 'write';

/** The things of the matrix's project that requests name. */
export interface MlflowFixtures extends RegistryFixtures {
  projectId: string;
  experimentId: string;
  experimentName: string;
  runId: string;
  /** A fresh experiment (for deletions by allowed callers). */
  freshExperiment(options?: { deleted?: boolean }): Promise<string>;
  /** A fresh run of the experiment. */
  freshRun(options?: { deleted?: boolean }): Promise<string>;
  /** Sets a tag as the owner, so that it can be deleted. */
  ownerCall(endpoint: string, body: object): Promise<void>;
  /** Uploads an artifact of the run as the owner; its store path. */
  ownerUpload(name: string): Promise<string>;
  /** Starts a multipart upload as the owner; its id and first part's etag. */
  ownerMultipart(name: string): Promise<{ uploadId: string; etag: string }>;
  unique(): string;
}

/** One request: relative to `/api/ml`, with a JSON body, a query or raw bytes. */
export interface MlflowRequest {
  path: string;
  query?: Record<string, string>;
  body?: object;
  raw?: Buffer;
}

export interface MlflowRouteCase {
  need: MlflowNeed;
  /** `allowed`: the caller gets through, so aim at something it may change. */
  request(f: MlflowFixtures, allowed: boolean): Promise<MlflowRequest>;
}

/** Every route of the tracking router, with its case. */
export const ALL_MLFLOW_ROUTES: Record<string, MlflowRouteCase> = {};

const T = '/mlflow/api/2.0/mlflow';
const A = '/mlflow/api/2.0/mlflow-artifacts';
const runDir = (f: MlflowFixtures) => `${f.experimentId}/${f.runId}/artifacts`;
const body =
  (endpoint: string, make: (f: MlflowFixtures) => object) =>
  async (f: MlflowFixtures) => ({ path: `${T}/${endpoint}`, body: make(f) });
const query =
  (endpoint: string, make: (f: MlflowFixtures) => Record<string, string>) =>
  async (f: MlflowFixtures) => ({ path: `${T}/${endpoint}`, query: make(f) });

/**
 * Every route of the tracking router (`METHOD path` as express registers
 * it) with what it needs and a request that names the matrix's things. A
 * route that is not here fails the MLflow access matrix.
 */
export const MLFLOW_ROUTES: Record<string, MlflowRouteCase> = {
  [`GET ${T}/experiments/get`]: {
    need: 'read',
    request: query('experiments/get', f => ({ experiment_id: f.experimentId })),
  },
  [`GET ${T}/experiments/get-by-name`]: {
    need: 'read',
    request: query('experiments/get-by-name', f => ({
      experiment_name: f.experimentName,
    })),
  },
  [`GET ${T}/experiments/search`]: {
    need: 'user',
    request: query('experiments/search', () => ({ max_results: '10' })),
  },
  [`POST ${T}/experiments/search`]: {
    need: 'user',
    request: body('experiments/search', () => ({ max_results: 10 })),
  },
  [`POST ${T}/experiments/create`]: {
    need: 'write',
    request: body('experiments/create', f => ({
      name: `matrix-${f.unique()}`,
      tags: [{ key: 'ml.project_id', value: f.projectId }],
    })),
  },
  [`POST ${T}/experiments/update`]: {
    need: 'write',
    request: body('experiments/update', f => ({
      experiment_id: f.experimentId,
      new_name: f.experimentName,
    })),
  },
  [`POST ${T}/experiments/delete`]: {
    need: 'write',
    request: async (f, allowed) => ({
      path: `${T}/experiments/delete`,
      body: {
        experiment_id: allowed ? await f.freshExperiment() : f.experimentId,
      },
    }),
  },
  [`POST ${T}/experiments/restore`]: {
    need: 'write',
    request: async (f, allowed) => ({
      path: `${T}/experiments/restore`,
      body: {
        experiment_id: allowed
          ? await f.freshExperiment({ deleted: true })
          : f.experimentId,
      },
    }),
  },
  [`POST ${T}/experiments/set-experiment-tag`]: {
    need: 'write',
    request: body('experiments/set-experiment-tag', f => ({
      experiment_id: f.experimentId,
      key: 'matrix',
      value: 'yes',
    })),
  },
  [`POST ${T}/experiments/delete-experiment-tag`]: {
    need: 'write',
    request: async (f, allowed) => {
      const key = `gone-${f.unique()}`;
      const tag = { experiment_id: f.experimentId, key };
      if (allowed) {
        await f.ownerCall('experiments/set-experiment-tag', {
          ...tag,
          value: 'x',
        });
      }
      return { path: `${T}/experiments/delete-experiment-tag`, body: tag };
    },
  },
  [`POST ${T}/runs/create`]: {
    need: 'write',
    request: body('runs/create', f => ({ experiment_id: f.experimentId })),
  },
  [`GET ${T}/runs/get`]: {
    need: 'read',
    request: query('runs/get', f => ({ run_id: f.runId })),
  },
  [`POST ${T}/runs/update`]: {
    need: 'write',
    request: body('runs/update', f => ({ run_id: f.runId, status: 'RUNNING' })),
  },
  [`POST ${T}/runs/delete`]: {
    need: 'write',
    request: async (f, allowed) => ({
      path: `${T}/runs/delete`,
      body: { run_id: allowed ? await f.freshRun() : f.runId },
    }),
  },
  [`POST ${T}/runs/restore`]: {
    need: 'write',
    request: async (f, allowed) => ({
      path: `${T}/runs/restore`,
      body: { run_id: allowed ? await f.freshRun({ deleted: true }) : f.runId },
    }),
  },
  [`POST ${T}/runs/search`]: {
    need: 'read',
    request: body('runs/search', f => ({ experiment_ids: [f.experimentId] })),
  },
  [`POST ${T}/runs/log-metric`]: {
    need: 'write',
    request: body('runs/log-metric', f => ({
      run_id: f.runId,
      key: 'm',
      value: 1,
      timestamp: 1,
      step: 0,
    })),
  },
  [`POST ${T}/runs/log-parameter`]: {
    need: 'write',
    request: body('runs/log-parameter', f => ({
      run_id: f.runId,
      key: 'p',
      value: '1',
    })),
  },
  [`POST ${T}/runs/set-tag`]: {
    need: 'write',
    request: body('runs/set-tag', f => ({
      run_id: f.runId,
      key: 'matrix',
      value: 'yes',
    })),
  },
  [`POST ${T}/runs/delete-tag`]: {
    need: 'write',
    request: async (f, allowed) => {
      const tag = { run_id: f.runId, key: `gone-${f.unique()}` };
      if (allowed) await f.ownerCall('runs/set-tag', { ...tag, value: 'x' });
      return { path: `${T}/runs/delete-tag`, body: tag };
    },
  },
  [`POST ${T}/runs/log-batch`]: {
    need: 'write',
    request: body('runs/log-batch', f => ({
      run_id: f.runId,
      metrics: [{ key: 'b', value: 2, timestamp: 2, step: 1 }],
      params: [{ key: 'p', value: '1' }],
    })),
  },
  [`POST ${T}/runs/log-inputs`]: {
    need: 'write',
    request: body('runs/log-inputs', f => ({
      run_id: f.runId,
      datasets: [
        {
          dataset: {
            name: 'rows',
            digest: 'd1',
            source_type: 'local',
            source: 'rows.csv',
          },
        },
      ],
    })),
  },
  [`POST ${T}/runs/log-model`]: {
    need: 'write',
    request: body('runs/log-model', f => ({
      run_id: f.runId,
      model_json: '{"artifact_path": "model"}',
    })),
  },
  [`GET ${T}/metrics/get-history`]: {
    need: 'read',
    request: query('metrics/get-history', f => ({
      run_id: f.runId,
      metric_key: 'm',
    })),
  },
  [`GET ${T}/artifacts/list`]: {
    need: 'read',
    request: query('artifacts/list', f => ({ run_id: f.runId })),
  },
  [`GET ${A}/artifacts`]: {
    need: 'read',
    request: async f => ({
      path: `${A}/artifacts`,
      query: { path: runDir(f) },
    }),
  },
  [`GET ${A}/artifacts/*`]: {
    need: 'read',
    request: async f => ({ path: `${A}/artifacts/${runDir(f)}/fixture.txt` }),
  },
  [`PUT ${A}/artifacts/*`]: {
    need: 'write',
    request: async f => ({
      path: `${A}/artifacts/${runDir(f)}/up-${f.unique()}.txt`,
      raw: Buffer.from('x'),
    }),
  },
  [`DELETE ${A}/artifacts/*`]: {
    need: 'write',
    request: async (f, allowed) => ({
      path: `${A}/artifacts/${
        allowed
          ? await f.ownerUpload(`gone-${f.unique()}.txt`)
          : `${runDir(f)}/fixture.txt`
      }`,
    }),
  },
  [`POST ${A}/mpu/create/*`]: {
    need: 'write',
    request: async f => ({
      path: `${A}/mpu/create/${runDir(f)}`,
      body: { path: `big-${f.unique()}.bin`, num_parts: 1 },
    }),
  },
  [`PUT ${A}/mpu/upload-part`]: {
    need: 'write',
    request: async f => {
      const name = `part-${f.unique()}.bin`;
      return {
        path: `${A}/mpu/upload-part`,
        query: {
          path: `${runDir(f)}/${name}`,
          upload_id: (await f.ownerMultipart(name)).uploadId,
          part_number: '2',
        },
        raw: Buffer.from('part'),
      };
    },
  },
  [`POST ${A}/mpu/complete/*`]: {
    need: 'write',
    request: async f => {
      const name = `done-${f.unique()}.bin`;
      const { uploadId, etag } = await f.ownerMultipart(name);
      return {
        path: `${A}/mpu/complete/${runDir(f)}`,
        body: {
          path: name,
          upload_id: uploadId,
          parts: [{ part_number: 1, etag }],
        },
      };
    },
  },
  [`POST ${A}/mpu/abort/*`]: {
    need: 'write',
    request: async f => {
      const name = `abort-${f.unique()}.bin`;
      return {
        path: `${A}/mpu/abort/${runDir(f)}`,
        body: {
          path: name,
          upload_id: (await f.ownerMultipart(name)).uploadId,
        },
      };
    },
  },
};

Object.assign(ALL_MLFLOW_ROUTES, MLFLOW_ROUTES, MLFLOW_REGISTRY_ROUTES);

/** What a caller must get: through, or the refusal's status. */
export function mlflowExpected(
  need: MlflowNeed,
  caller: MatrixCaller,
): 'allowed' | 401 | 403 | 404 {
  if (!caller.userRef) return 401;
  if (need === 'user' || caller.workspaceAdmin) return 'allowed';
  if (!caller.role) return 404;
  return roleAtLeast(caller.role, need === 'read' ? 'viewer' : 'contributor')
    ? 'allowed'
    : 403;
}

/** MLflow's code for each refusal. */
export const REFUSAL_CODES = {
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'RESOURCE_DOES_NOT_EXIST',
} as const;
