import { ResponseError } from '@backstage/errors';
import {
  Job,
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
import { MlApi } from '../api';
import { createMockModelsApi } from './mockModelsApi';
import { createMockApplicationsApi } from './mockApplicationsApi';

const timestamps = {
  createdAt: '2026-01-10T10:00:00.000Z',
  updatedAt: '2026-01-12T10:00:00.000Z',
};

/** A fake of every MlApi method, for tests to stub as they need. */
export function createMockMlApi(): jest.Mocked<MlApi> {
  return {
    listWorkspaces: jest.fn(),
    getWorkspace: jest.fn(),
    createWorkspace: jest.fn(),
    updateWorkspace: jest.fn(),
    deleteWorkspace: jest.fn(),
    getWorkspaceCapacity: jest.fn(),
    listProfiles: jest.fn(),
    createProfile: jest.fn(),
    updateProfile: jest.fn(),
    deleteProfile: jest.fn(),
    listQuotas: jest.fn(),
    createQuota: jest.fn(),
    updateQuota: jest.fn(),
    deleteQuota: jest.fn(),
    listRuntimes: jest.fn(),
    getRuntime: jest.fn(),
    createRuntime: jest.fn(),
    updateRuntime: jest.fn(),
    deleteRuntime: jest.fn(),
    listProjects: jest.fn(),
    getProject: jest.fn(),
    createProject: jest.fn(),
    updateProject: jest.fn(),
    deleteProject: jest.fn(),
    listCollaborators: jest.fn(),
    setCollaborator: jest.fn(),
    removeCollaborator: jest.fn(),
    listFiles: jest.fn(),
    readFile: jest.fn(),
    writeFile: jest.fn(),
    createDirectory: jest.fn(),
    renameFile: jest.fn(),
    deleteFile: jest.fn(),
    downloadArchive: jest.fn(),
    getProjectQuota: jest.fn(),
    listSessions: jest.fn(),
    launchSession: jest.fn(),
    getSession: jest.fn(),
    executeSession: jest.fn(),
    getSessionTranscript: jest.fn().mockResolvedValue([]),
    stopSession: jest.fn(),
    listJobs: jest.fn(),
    getJob: jest.fn(),
    createJob: jest.fn(),
    updateJob: jest.fn(),
    deleteJob: jest.fn(),
    runJob: jest.fn(),
    listJobRuns: jest.fn(),
    getCronNextRuns: jest.fn(),
    getWorkload: jest.fn(),
    listWorkloadEvents: jest.fn(),
    getWorkloadLogs: jest.fn(),
    followWorkloadLogs: jest.fn(),
    stopWorkload: jest.fn(),
    getWorkspaceQueue: jest.fn(),
    ...createMockModelsApi(),
    ...createMockApplicationsApi(),
  };
}

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

/** Yields the given values, as the client's streaming methods do. */
export async function* streamOf<T>(...values: T[]): AsyncGenerator<T> {
  for (const value of values) {
    yield value;
  }
}

/** A failed call as the client reports it, with the server's message. */
export async function responseError(
  status: number,
  message: string,
  name = status === 409 ? 'ConflictError' : 'InputError',
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

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
