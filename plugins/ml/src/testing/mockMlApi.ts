import {
  Project,
  ProjectFileEntry,
  Quota,
  ResourceProfile,
  Runtime,
  Workspace,
  WorkspaceCapacity,
} from '@ml-platform/plugin-ml-common';
import { MlApi } from '../api';

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
