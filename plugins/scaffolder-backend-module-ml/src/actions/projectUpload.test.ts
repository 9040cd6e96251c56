import { createMockDirectory } from '@backstage/backend-test-utils';
import { FakeMlApi } from '../__testUtils__/FakeMlApi';
import {
  CheckpointStore,
  INITIATOR,
  actionContext,
} from '../__testUtils__/actionContext';
import { createMlProjectUploadAction } from './projectUpload';

describe('ml:project:upload', () => {
  let api: FakeMlApi;
  const dir = createMockDirectory();
  let projectId: string;

  beforeEach(async () => {
    api = await FakeMlApi.start();
    dir.setContent({
      dashboard: { 'app.py': 'print(1)\n', static: { 'a.css': 'b{}' } },
      'other.txt': 'x',
    });
    const created = await fetch(`${api.baseUrl}/projects`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ workspace: 'demo', name: 'p' }),
    });
    projectId = (await created.json()).id;
  });
  afterEach(() => api.stop());

  it('uploads the files of sourcePath into the existing project as the initiating user', async () => {
    const action = createMlProjectUploadAction({ ml: api.client() });
    const { ctx, outputs } = actionContext(
      { projectId, sourcePath: 'dashboard' },
      { workspacePath: dir.path },
    );
    await action.handler(ctx as any);
    expect(outputs).toEqual({ fileCount: 2 });
    expect([...api.files.keys()].sort()).toEqual([
      `${projectId}:app.py`,
      `${projectId}:static/a.css`,
    ]);
    expect(
      api.requests
        .filter(r => r.method === 'PUT')
        .every(r => r.onBehalfOf === INITIATOR),
    ).toBe(true);
  });

  it('uploads nothing to a project that does not exist', async () => {
    const action = createMlProjectUploadAction({ ml: api.client() });
    const missing = '00000000-0000-4000-8000-000000000000';
    const { ctx } = actionContext(
      { projectId: missing },
      { workspacePath: dir.path },
    );
    await expect(action.handler(ctx as any)).rejects.toThrow(/404/);
    expect(api.files.size).toBe(0);
  });

  it('a retried task does not upload again once the upload succeeded', async () => {
    const action = createMlProjectUploadAction({ ml: api.client() });
    const checkpoints = new CheckpointStore();
    await action.handler(
      actionContext({ projectId }, { checkpoints, workspacePath: dir.path })
        .ctx as any,
    );
    await action.handler(
      actionContext({ projectId }, { checkpoints, workspacePath: dir.path })
        .ctx as any,
    );
    expect(api.requests.filter(r => r.method === 'PUT')).toHaveLength(3);
  });
});
