import { createMockDirectory } from '@backstage/backend-test-utils';
import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import {
  CheckpointStore,
  INITIATOR,
  actionContext,
  runAction,
} from '../__testUtils__/actionContext';
import { createMlProjectCreateAction } from './projectCreate';

describe('ml:project:create', () => {
  const api = fakeMlApiPerTest();
  const dir = createMockDirectory();

  beforeEach(async () => {
    dir.setContent({
      'README.md': '# Churn',
      'train.py': 'print("training")\n',
      src: { 'util.py': 'X = 1\n', 'data.bin': Buffer.from([0, 1, 2, 255]) },
    });
  });

  it('creates the project as the initiating user and uploads every file byte for byte', async () => {
    const action = createMlProjectCreateAction({ ml: api().client() });
    const { outputs } = await runAction(
      action,
      { workspace: 'demo', name: 'churn', title: 'Churn', env: { A: '1' } },
      { workspacePath: dir.path },
    );

    const [create] = api().creations(/^\/projects$/);
    expect(create.body).toEqual({
      workspace: 'demo',
      name: 'churn',
      title: 'Churn',
      env: { A: '1' },
    });
    expect(api().requests.every(r => r.onBehalfOf === INITIATOR)).toBe(true);
    const id = outputs.projectId as string;
    expect(outputs).toEqual({
      projectId: id,
      projectName: 'churn',
      workspace: 'demo',
      fileCount: 4,
    });
    expect([...api().files.keys()].sort()).toEqual(
      ['README.md', 'src/data.bin', 'src/util.py', 'train.py'].map(
        f => `${id}:${f}`,
      ),
    );
    expect(api().files.get(`${id}:src/data.bin`)).toEqual(
      Buffer.from([0, 1, 2, 255]),
    );
  });

  it('uploads only the sub-folder given as sourcePath, with paths relative to it', async () => {
    const action = createMlProjectCreateAction({ ml: api().client() });
    const { outputs } = await runAction(
      action,
      { workspace: 'demo', name: 'churn', sourcePath: 'src' },
      { workspacePath: dir.path },
    );
    expect(outputs.fileCount).toBe(2);
    expect([...api().files.keys()].map(k => k.split(':')[1]).sort()).toEqual([
      'data.bin',
      'util.py',
    ]);
  });

  it('refuses a sourcePath outside the workspace and creates nothing', async () => {
    const action = createMlProjectCreateAction({ ml: api().client() });
    await expect(
      runAction(
        action,
        { workspace: 'demo', name: 'churn', sourcePath: '../..' },
        { workspacePath: dir.path },
      ),
    ).rejects.toThrow(/outside/i);
    expect(api().requests).toEqual([]);
  });

  it('a retried task creates the project once and finishes the upload', async () => {
    const action = createMlProjectCreateAction({ ml: api().client() });
    const checkpoints = new CheckpointStore();
    api().refuseNext('PUT', /files\/content/, 503, 'disk busy');
    const first = actionContext(
      { workspace: 'demo', name: 'churn' },
      { checkpoints, workspacePath: dir.path },
    );
    await expect(action.handler(first.ctx as any)).rejects.toThrow(/disk busy/);

    const second = await runAction(
      action,
      { workspace: 'demo', name: 'churn' },
      { checkpoints, workspacePath: dir.path },
    );
    expect(api().creations(/^\/projects$/)).toHaveLength(1);
    expect(api().files.size).toBe(4);
    expect(second.outputs.projectId).toBe(
      (checkpoints.saved.get('project.demo.churn') as any).id,
    );
  });

  it("passes the ML API's refusal on with its message", async () => {
    const action = createMlProjectCreateAction({ ml: api().client() });
    api().refuseNext('POST', /^\/projects$/, 400, 'name: must be a DNS name');
    await expect(
      runAction(
        action,
        { workspace: 'demo', name: 'Bad Name' },
        { workspacePath: dir.path },
      ),
    ).rejects.toThrow(/must be a DNS name/);
    expect(api().files.size).toBe(0);
  });
});
