import { ConflictError } from '@backstage/errors';
import {
  Project,
  ResourceProfile,
  Runtime,
  Workspace,
} from '@ml-platform/plugin-ml-common';
import { SealedSecret } from '../secrets/SealedSecret';
import { SubmitWorkload } from './WorkloadEngine';
import { WorkloadLauncher } from './WorkloadLauncher';

const STAMP = '2026-01-01T00:00:00.000Z';

const workspace: Workspace = {
  name: 'ws',
  title: 'ws',
  description: '',
  owner: 'group:default/admins',
  driver: 'local',
  nodeGroups: [],
  env: { LEVEL: 'workspace', WS_ONLY: 'w' },
  defaultUserQuota: { cpu: 2, memoryMiB: 8192, gpu: 0 },
  createdAt: STAMP,
  updatedAt: STAMP,
};

const project: Project = {
  id: 'p-1',
  workspace: 'ws',
  name: 'churn',
  title: 'Churn',
  description: '',
  owner: 'user:default/jane',
  visibility: 'private',
  teamRole: 'viewer',
  env: { LEVEL: 'project', PROJECT_ONLY: 'p' },
  createdBy: 'user:default/jane',
  createdAt: STAMP,
  updatedAt: STAMP,
};

const profile = (
  name: string,
  cpu: number,
  memoryMiB: number,
): ResourceProfile => ({
  id: name,
  workspace: 'ws',
  name,
  description: '',
  cpu,
  memoryMiB,
  gpu: 0,
  createdAt: STAMP,
  updatedAt: STAMP,
});

const runtime = (id: string, enabled: boolean): Runtime =>
  ({ id, kernel: 'Python 3', enabled } as Runtime);

function createLauncher(
  options: { profiles?: ResourceProfile[]; workspaces?: Workspace[] } = {},
) {
  const profiles = options.profiles ?? [
    profile('large', 4, 16384),
    profile('small', 1, 2048),
  ];
  const workspaces = options.workspaces ?? [workspace];
  const runtimes = [runtime('rt-on', true), runtime('rt-off', false)];
  const submitted: SubmitWorkload[] = [];
  const launcher = new WorkloadLauncher({
    projects: {
      get: async id => {
        if (id !== project.id) throw new Error(`No project with id '${id}'`);
        return project;
      },
    },
    workspaces: { get: async name => workspaces.find(w => w.name === name) },
    runtimes: { get: async id => runtimes.find(r => r.id === id) },
    profiles: {
      get: async (ws, name) =>
        profiles.find(p => p.workspace === ws && p.name === name),
      listAll: async ws => profiles.filter(p => p.workspace === ws),
    },
    engine: {
      enqueue: async input => {
        submitted.push(input);
        return { workload: { id: 'w-1' } as any, created: true };
      },
    },
  });
  return { launcher, submitted };
}

/** A launcher with the default setup and its placement on runtime `rt-on`. */
async function placedLauncher(profileName: string) {
  const created = createLauncher();
  const placement = await created.launcher.place({
    project,
    runtimeId: 'rt-on',
    profile: profileName,
  });
  return { ...created, placement };
}

describe('WorkloadLauncher.place', () => {
  it('resolves a project id to its workspace, runtime and profile', async () => {
    const { launcher } = createLauncher();
    const placement = await launcher.place({
      project: 'p-1',
      runtimeId: 'rt-on',
      checkRuntime: true,
      profile: 'large',
    });
    expect(placement.project).toBe(project);
    expect(placement.workspace).toBe(workspace);
    expect(placement.runtimeId).toBe('rt-on');
    expect(placement.runtime?.kernel).toBe('Python 3');
    expect(placement.profile.name).toBe('large');
  });

  it('refuses an unknown or disabled runtime, naming the field', async () => {
    const { launcher } = createLauncher();
    const place = (runtimeId: string) =>
      launcher.place({
        project,
        runtimeId,
        checkRuntime: true,
        profile: 'small',
      });
    await expect(place('nope')).rejects.toThrow(
      "runtimeId: no runtime with id 'nope'",
    );
    await expect(place('rt-off')).rejects.toThrow(
      "runtimeId: runtime 'rt-off' is disabled",
    );
  });

  it('leaves the runtime of saved work unchecked unless asked', async () => {
    const { launcher } = createLauncher();
    const placement = await launcher.place({
      project,
      runtimeId: 'rt-off',
      profile: 'small',
    });
    expect(placement.runtimeId).toBe('rt-off');
    expect(placement.runtime).toBeUndefined();
  });

  it("takes the workspace's smallest profile when none is named", async () => {
    const { launcher } = createLauncher();
    const placement = await launcher.place({ project, runtimeId: 'rt-on' });
    expect(placement.profile.name).toBe('small');
  });

  it('refuses a workspace without profiles when none is named', async () => {
    const { launcher } = createLauncher({ profiles: [] });
    await expect(
      launcher.place({ project, runtimeId: 'rt-on' }),
    ).rejects.toThrow("profile: workspace 'ws' has no resource profiles");
  });

  it('refuses a missing profile with a 400 naming the field, or as the caller says', async () => {
    const { launcher } = createLauncher();
    await expect(
      launcher.place({ project, runtimeId: 'rt-on', profile: 'huge' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: "profile: no resource profile 'huge' in workspace 'ws'",
    });
    await expect(
      launcher.place({
        project,
        runtimeId: 'rt-on',
        profile: 'huge',
        missingProfile: (name, ws) =>
          new ConflictError(`${name} gone in ${ws}`),
      }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: 'huge gone in ws',
    });
  });

  it('refuses a project whose workspace is gone', async () => {
    const { launcher } = createLauncher({ workspaces: [] });
    await expect(
      launcher.place({ project, runtimeId: 'rt-on', profile: 'small' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: "No workspace named 'ws'",
    });
  });
});

describe('WorkloadLauncher.launch', () => {
  it("submits the placement's project, runtime and profile resources", async () => {
    const { launcher, submitted, placement } = await placedLauncher('large');
    const { workload, created } = await launcher.launch(placement, {
      kind: 'job',
      name: 'train #1',
      requester: 'user:default/bob',
      args: ['train.py'],
      env: [],
      maxAttempts: 2,
      idempotencyKey: 'job-run:j:1',
    });
    expect(workload.id).toBe('w-1');
    expect(created).toBe(true);
    expect(submitted).toEqual([
      {
        kind: 'job',
        name: 'train #1',
        project: {
          id: 'p-1',
          name: 'churn',
          workspace: 'ws',
          owner: 'user:default/jane',
        },
        runtimeId: 'rt-on',
        profile: 'large',
        resources: { cpu: 4, memoryMiB: 16384, gpu: 0 },
        requester: 'user:default/bob',
        args: ['train.py'],
        env: {
          LEVEL: 'project',
          WS_ONLY: 'w',
          PROJECT_ONLY: 'p',
          ML_PROJECT_NAME: 'churn',
        },
        secretEnv: {},
        maxAttempts: 2,
        idempotencyKey: 'job-run:j:1',
      },
    ]);
  });

  it('merges workspace < project < own layers < platform variables', async () => {
    const { launcher, submitted, placement } = await placedLauncher('small');
    const secret = new SealedSecret('v1.test.key');
    await launcher.launch(placement, {
      kind: 'model',
      name: 'm #1 replica 0',
      requester: 'user:default/jane',
      args: [],
      env: [
        { LEVEL: 'build', KEY: 'build', BUILD_ONLY: 'b' },
        { KEY: secret, ML_PROJECT_NAME: 'spoof', ML_MODEL_ID: 'spoof' },
      ],
      platformEnv: { ML_MODEL_ID: 'm-1' },
    });
    expect(submitted[0].env).toEqual({
      LEVEL: 'build',
      WS_ONLY: 'w',
      PROJECT_ONLY: 'p',
      BUILD_ONLY: 'b',
      ML_PROJECT_NAME: 'churn',
      ML_MODEL_ID: 'm-1',
    });
    expect(submitted[0].secretEnv).toEqual({ KEY: secret });
  });
});
