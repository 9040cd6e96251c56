import {
  Application,
  Collaborator,
  Job,
  Model,
  ModelAccessKey,
  ModelBuild,
  ModelDeployment,
  ModelMetrics,
  PredictionResponse,
  Project,
  ProjectFileEntry,
  Quota,
  ResourceProfile,
  Runtime,
  Workload,
  WorkloadEvent,
  Workspace,
  WorkspaceCapacity,
  WorkspaceNode,
} from '@ml-platform/plugin-ml-common';

// The data the tests' mock ML API answers with: a demo workspace, the churn
// project with its jobs, runs, sessions, models and apps.

const timestamps = {
  createdAt: '2026-01-10T10:00:00.000Z',
  updatedAt: '2026-01-12T10:00:00.000Z',
};

export function page<T>(items: T[]) {
  return { items, total_size: items.length };
}

export const demoWorkspace: Workspace = {
  name: 'demo',
  title: 'Demo workspace',
  description: 'Where the examples run',
  owner: 'group:default/ml-platform',
  driver: 'local',
  nodeGroups: [
    {
      name: 'cpu',
      cpu: 4,
      memoryMiB: 16384,
      gpu: 0,
      minNodes: 1,
      maxNodes: 3,
      scaleUpDelaySeconds: 30,
    },
  ],
  env: { SITE: 'lab' },
  defaultUserQuota: { cpu: 2, memoryMiB: 8192, gpu: 0 },
  ...timestamps,
};

export const demoCapacity: WorkspaceCapacity = {
  current: { cpu: 4, memoryMiB: 16384, gpu: 0 },
  maximum: { cpu: 12, memoryMiB: 49152, gpu: 0 },
  used: { cpu: 1.5, memoryMiB: 4096, gpu: 0 },
  largestNode: { cpu: 4, memoryMiB: 16384, gpu: 0 },
};

export const churnProject: Project = {
  id: '6b1c2c1e-8f1f-4c55-9f43-1e5a0b7e2a10',
  workspace: 'demo',
  name: 'churn',
  title: 'Churn model',
  description: 'Predicts who leaves',
  owner: 'user:default/jane',
  visibility: 'private',
  teamRole: 'contributor',
  env: { MODEL: 'xgb' },
  createdBy: 'user:default/jane',
  ...timestamps,
};

export const smallProfile: ResourceProfile = {
  id: 'prof-1',
  workspace: 'demo',
  name: 'small',
  description: 'For notebooks',
  cpu: 1,
  memoryMiB: 2048,
  gpu: 0,
  ...timestamps,
};

export const janeQuota: Quota = {
  id: 'quota-1',
  workspace: 'demo',
  subject: 'user:default/jane',
  cpu: 8,
  memoryMiB: 32768,
  gpu: 1,
  ...timestamps,
};

export const pythonRuntime: Runtime = {
  id: 'rt-1',
  editor: 'Workbench',
  kernel: 'Python 3.11',
  edition: 'Standard',
  shortVersion: '2026.01',
  maintenanceVersion: 2,
  description: 'Default Python',
  command: 'python3',
  enabled: true,
  ...timestamps,
};

export function fileEntry(
  path: string,
  type: 'file' | 'directory' = 'file',
): ProjectFileEntry {
  return {
    path,
    name: path.split('/').pop()!,
    type,
    size: type === 'file' ? 12 : 0,
    modifiedAt: timestamps.updatedAt,
  };
}

/** A running session of the churn project on the small profile. */
export const runningSession: Workload = {
  id: '0d7c1f9a-3b1e-4e4f-9a41-5b8f6f2d7c10',
  kind: 'session',
  name: 'Exploration',
  projectId: churnProject.id,
  workspace: 'demo',
  runtimeId: pythonRuntime.id,
  profile: 'small',
  resources: { cpu: 1, memoryMiB: 2048, gpu: 0 },
  chargedSubject: 'user:default/jane',
  requester: 'user:default/jane',
  state: 'running',
  attempt: 1,
  maxAttempts: 1,
  args: [],
  queuedAt: '2026-01-12T10:00:00.000Z',
  startedAt: '2026-01-12T10:00:05.000Z',
  createdAt: '2026-01-12T10:00:00.000Z',
  updatedAt: '2026-01-12T10:00:05.000Z',
};

export const trainJob: Job = {
  id: '5e0a8d52-7d0c-4c1e-8a3c-2b9f0e4d6a11',
  projectId: churnProject.id,
  name: 'train',
  script: 'train.py',
  args: ['--epochs', '3'],
  env: {},
  runtimeId: pythonRuntime.id,
  profile: 'small',
  maxRetries: 1,
  retryBackoffSeconds: 30,
  schedule: '0 3 * * *',
  timezone: 'UTC',
  enabled: true,
  createdBy: 'user:default/jane',
  ...timestamps,
  nextRuns: ['2026-01-13T03:00:00.000Z'],
  lastRun: {
    id: '9c4b7e21-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    state: 'succeeded',
    attempt: 1,
    startedAt: '2026-01-12T03:00:00.000Z',
    endedAt: '2026-01-12T03:01:30.000Z',
    exitCode: 0,
  },
};

/** A job that runs after `train`. */
export const reportJob: Job = {
  ...trainJob,
  id: '7a1d2c3b-4e5f-4a6b-9c8d-7e6f5a4b3c2d',
  name: 'report',
  script: 'report.py',
  args: [],
  schedule: undefined,
  parentJobId: trainJob.id,
  nextRuns: undefined,
  lastRun: undefined,
};

/** A finished run of `train`. */
export const trainRun: Workload = {
  ...runningSession,
  id: trainJob.lastRun!.id,
  kind: 'job',
  name: 'train',
  jobId: trainJob.id,
  trigger: 'schedule',
  state: 'succeeded',
  reason: 'exited with code 0',
  maxAttempts: 2,
  args: ['--epochs', '3'],
  exitCode: 0,
  queuedAt: '2026-01-12T03:00:00.000Z',
  startedAt: '2026-01-12T03:00:00.000Z',
  endedAt: '2026-01-12T03:01:30.000Z',
};

export const trainRunEvents: WorkloadEvent[] = [
  { at: '2026-01-12T03:00:00.000Z', attempt: 1, to: 'queued' },
  {
    at: '2026-01-12T03:00:00.500Z',
    attempt: 1,
    from: 'queued',
    to: 'starting',
    reason: 'admitted on node demo-cpu-1',
  },
  {
    at: '2026-01-12T03:01:30.000Z',
    attempt: 1,
    from: 'running',
    to: 'succeeded',
    reason: 'exited with code 0',
  },
];

/** A ready node of the demo workspace's cpu group, half used. */
export const readyNode: WorkspaceNode = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  workspace: 'demo',
  group: 'cpu',
  ready: true,
  readyAt: '2026-01-12T09:00:00.000Z',
  allocated: { cpu: 2, memoryMiB: 4096, gpu: 0 },
  capacity: { cpu: 4, memoryMiB: 16384, gpu: 0 },
};

/** The churn project's model, served by `churnDeployment`. */
export const churnModel: Model = {
  id: '3f0e9a1c-2b4d-4e6f-8a0b-1c2d3e4f5a60',
  projectId: churnProject.id,
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

/** A running app of the churn project. */
export const dashboardApp: Application = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  projectId: 'p-1',
  name: 'Churn dashboard',
  slug: 'churn-dashboard',
  description: 'Live churn numbers',
  script: 'app.py',
  runtimeId: 'r-1',
  profile: 'small',
  env: { THEME: 'dark' },
  bypassAuthentication: false,
  workloadId: 'w-app-1',
  state: 'running',
  url: '/apps/churn-dashboard/',
  createdBy: 'user:default/jane',
  createdAt: '2026-01-10T10:00:00.000Z',
  updatedAt: '2026-01-12T10:00:00.000Z',
};

/** Bob, a collaborator of a project, with `role` (a viewer by default). */
export function bobAs(role: Collaborator['role'] = 'viewer'): Collaborator {
  return {
    subject: 'user:default/bob',
    role,
    addedAt: '2026-01-10T10:00:00.000Z',
  };
}
