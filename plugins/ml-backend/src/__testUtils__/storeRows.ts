import { NodeGroup } from '@ml-platform/plugin-ml-common';
import { NewProject } from '../database/ProjectStore';
import { NewRuntime } from '../database/RuntimeStore';
import { NewWorkspace } from '../database/WorkspaceStore';

/**
 * The runtime most tests configure: the local driver starts it as the
 * machine's `python3`, so workloads really run.
 */
export const PYTHON_RUNTIME = {
  editor: 'Workbench',
  kernel: 'Python 3',
  edition: 'Standard',
  shortVersion: '1',
  maintenanceVersion: 1,
  command: 'python3',
};

/** {@link PYTHON_RUNTIME} as the runtime store takes it. */
export const PYTHON_RUNTIME_ROW: NewRuntime = {
  ...PYTHON_RUNTIME,
  description: '',
  enabled: true,
};

/** A node group of one node that is always there. */
export const oneNode = (cpu: number, memoryMiB: number): NodeGroup => ({
  name: 'g',
  cpu,
  memoryMiB,
  gpu: 0,
  minNodes: 1,
  maxNodes: 1,
  scaleUpDelaySeconds: 0,
});

/** Workspace `ws` as the workspace store takes it; `fields` replace parts. */
export function newWorkspace(fields: Partial<NewWorkspace> = {}): NewWorkspace {
  return {
    name: 'ws',
    title: 'ws',
    description: '',
    owner: 'group:default/a',
    driver: 'local',
    env: {},
    nodeGroups: [oneNode(16, 65536)],
    defaultUserQuota: { cpu: 16, memoryMiB: 65536, gpu: 0 },
    ...fields,
  };
}

/** A team project of workspace `ws` as the project store takes it. */
export function newProject(
  name: string,
  fields: Partial<NewProject> = {},
): NewProject {
  return {
    workspace: 'ws',
    name,
    title: name,
    description: '',
    owner: 'group:default/a',
    visibility: 'team',
    teamRole: 'contributor',
    env: {},
    createdBy: 'user:default/a',
    ...fields,
  };
}
