import type { MlflowRouteCase } from './mlflowRouteNeeds';

const T = '/mlflow/api/2.0/mlflow';

/** The matrix's registered model and version, with fresh ones to delete. */
export interface RegistryFixtures {
  projectId: string;
  runId: string;
  modelName: string;
  unique(): string;
  freshModel(): Promise<string>;
  /** A fresh version of the matrix's model; its number. */
  freshVersion(): Promise<string>;
}

type Case = Omit<MlflowRouteCase, 'request'> & {
  request(
    f: RegistryFixtures,
    allowed: boolean,
  ): Promise<{
    path: string;
    query?: Record<string, string>;
    body?: object;
  }>;
};

const at = (endpoint: string) => `${T}/${endpoint}`;
const version1 = (f: RegistryFixtures) => ({ name: f.modelName, version: '1' });

/** The model registry's routes (`model_registry.proto`) for the MLflow matrix. */
export const MLFLOW_REGISTRY_ROUTES: Record<string, Case> = {
  [`POST ${T}/registered-models/create`]: {
    need: 'write',
    request: async f => ({
      path: at('registered-models/create'),
      body: {
        name: `matrix-model-${f.unique()}`,
        tags: [{ key: 'ml.project_id', value: f.projectId }],
      },
    }),
  },
  [`POST ${T}/registered-models/rename`]: {
    need: 'write',
    request: async (f, allowed) => ({
      path: at('registered-models/rename'),
      body: {
        name: allowed ? await f.freshModel() : f.modelName,
        new_name: `renamed-${f.unique()}`,
      },
    }),
  },
  [`PATCH ${T}/registered-models/update`]: {
    need: 'write',
    request: async f => ({
      path: at('registered-models/update'),
      body: { name: f.modelName, description: 'matrix' },
    }),
  },
  [`DELETE ${T}/registered-models/delete`]: {
    need: 'write',
    request: async (f, allowed) => ({
      path: at('registered-models/delete'),
      body: { name: allowed ? await f.freshModel() : f.modelName },
    }),
  },
  [`GET ${T}/registered-models/get`]: {
    need: 'read',
    request: async f => ({
      path: at('registered-models/get'),
      query: { name: f.modelName },
    }),
  },
  [`GET ${T}/registered-models/search`]: {
    need: 'user',
    request: async () => ({ path: at('registered-models/search'), query: {} }),
  },
  [`GET ${T}/registered-models/get-latest-versions`]: {
    need: 'read',
    request: async f => ({
      path: at('registered-models/get-latest-versions'),
      query: { name: f.modelName },
    }),
  },
  [`POST ${T}/registered-models/get-latest-versions`]: {
    need: 'read',
    request: async f => ({
      path: at('registered-models/get-latest-versions'),
      body: { name: f.modelName },
    }),
  },
  [`POST ${T}/registered-models/set-tag`]: {
    need: 'write',
    request: async f => ({
      path: at('registered-models/set-tag'),
      body: { name: f.modelName, key: 'matrix', value: 'yes' },
    }),
  },
  [`DELETE ${T}/registered-models/delete-tag`]: {
    need: 'write',
    request: async f => ({
      path: at('registered-models/delete-tag'),
      body: { name: f.modelName, key: `gone-${f.unique()}` },
    }),
  },
  [`POST ${T}/registered-models/alias`]: {
    need: 'write',
    request: async f => ({
      path: at('registered-models/alias'),
      body: { name: f.modelName, alias: 'champion', version: '1' },
    }),
  },
  [`DELETE ${T}/registered-models/alias`]: {
    need: 'write',
    request: async f => ({
      path: at('registered-models/alias'),
      body: { name: f.modelName, alias: 'champion' },
    }),
  },
  [`GET ${T}/registered-models/alias`]: {
    need: 'read',
    request: async f => ({
      path: at('registered-models/alias'),
      query: { name: f.modelName, alias: 'stable' },
    }),
  },
  [`POST ${T}/model-versions/create`]: {
    need: 'write',
    request: async f => ({
      path: at('model-versions/create'),
      body: {
        name: f.modelName,
        source: `runs:/${f.runId}/model`,
        run_id: f.runId,
      },
    }),
  },
  [`PATCH ${T}/model-versions/update`]: {
    need: 'write',
    request: async f => ({
      path: at('model-versions/update'),
      body: { ...version1(f), description: 'matrix' },
    }),
  },
  [`DELETE ${T}/model-versions/delete`]: {
    need: 'write',
    request: async (f, allowed) => ({
      path: at('model-versions/delete'),
      body: allowed
        ? { name: f.modelName, version: await f.freshVersion() }
        : version1(f),
    }),
  },
  [`GET ${T}/model-versions/get`]: {
    need: 'read',
    request: async f => ({
      path: at('model-versions/get'),
      query: version1(f),
    }),
  },
  [`GET ${T}/model-versions/get-download-uri`]: {
    need: 'read',
    request: async f => ({
      path: at('model-versions/get-download-uri'),
      query: version1(f),
    }),
  },
  [`GET ${T}/model-versions/search`]: {
    need: 'user',
    request: async f => ({
      path: at('model-versions/search'),
      query: { filter: `name = '${f.modelName}'` },
    }),
  },
  [`POST ${T}/model-versions/transition-stage`]: {
    need: 'write',
    request: async f => ({
      path: at('model-versions/transition-stage'),
      body: {
        ...version1(f),
        stage: 'Staging',
        archive_existing_versions: false,
      },
    }),
  },
  [`POST ${T}/model-versions/set-tag`]: {
    need: 'write',
    request: async f => ({
      path: at('model-versions/set-tag'),
      body: { ...version1(f), key: 'matrix', value: 'yes' },
    }),
  },
  [`DELETE ${T}/model-versions/delete-tag`]: {
    need: 'write',
    request: async f => ({
      path: at('model-versions/delete-tag'),
      body: { ...version1(f), key: `gone-${f.unique()}` },
    }),
  },
};
