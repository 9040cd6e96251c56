import {
  Application,
  Model,
  ModelBuild,
  ModelDeployment,
  Project,
  Runtime,
  Workspace,
} from '@ml-platform/plugin-ml-common';
// The ML backend's own test fixtures (a dev dependency only).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import {
  FIXTURE_TIME,
  STANDARD_NODE_GROUP,
  testApplication,
} from '@ml-platform/plugin-ml-backend/testUtils';

const at = FIXTURE_TIME;

export const demoWorkspace: Workspace = {
  name: 'demo',
  title: 'Demo workspace',
  description: 'Local processes on this machine.',
  owner: 'group:default/guests',
  driver: 'local',
  nodeGroups: [{ ...STANDARD_NODE_GROUP, gpu: 0, scaleUpDelaySeconds: 20 }],
  env: { SECRET_LOOKING: 'not mirrored' },
  defaultUserQuota: { cpu: 2, memoryMiB: 8192, gpu: 0 },
  createdAt: at,
  updatedAt: at,
};

export const python: Runtime = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  editor: 'Workbench',
  kernel: 'Python 3',
  edition: 'Standard',
  shortVersion: '2026.11',
  maintenanceVersion: 1,
  description: "The machine's python3.",
  command: 'python3',
  enabled: true,
  createdAt: at,
  updatedAt: at,
};

export function project(
  id: string,
  name: string,
  extra: Partial<Project> = {},
): Project {
  return {
    id,
    workspace: 'demo',
    name,
    title: '',
    description: '',
    owner: 'user:default/jane',
    visibility: 'team',
    teamRole: 'contributor',
    env: {},
    createdBy: 'user:default/jane',
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

export function model(
  id: string,
  projectId: string,
  name: string,
  extra: Partial<Model> = {},
): Model {
  return {
    id,
    projectId,
    name,
    description: '',
    disableAuthentication: false,
    createdBy: 'user:default/jane',
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

export function build(
  id: string,
  modelId: string,
  number: number,
  extra: Partial<ModelBuild> = {},
): ModelBuild {
  return {
    id,
    modelId,
    number,
    filePath: 'predict.py',
    functionName: 'predict',
    runtimeId: python.id,
    comment: '',
    examples: [
      { request: { tenure: 3, plan: 'basic' }, response: { churn: 0.82 } },
    ],
    env: {},
    state: 'built',
    datasets: ['warehouse.customer_events'],
    lineageMetadata: { owner: 'data-eng' },
    createdBy: 'user:default/jane',
    createdAt: at,
    builtAt: at,
    ...extra,
  };
}

export function deployment(
  id: string,
  modelId: string,
  buildId: string,
  extra: Partial<ModelDeployment> = {},
): ModelDeployment {
  return {
    id,
    modelId,
    buildId,
    buildNumber: 1,
    replicas: 1,
    profile: 'small',
    env: {},
    state: 'deployed',
    replicaStatus: [],
    createdBy: 'user:default/jane',
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

export function application(
  id: string,
  projectId: string,
  slug: string,
  extra: Partial<Application> = {},
): Application {
  return testApplication(id, projectId, slug, {
    runtimeId: python.id,
    ...extra,
  });
}
