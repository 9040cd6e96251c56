import { createMockDirectory } from '@backstage/backend-test-utils';
import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import {
  INITIATOR,
  runAction,
  runRetried,
} from '../__testUtils__/actionContext';
import { createMlProjectUploadAction } from './projectUpload';

describe('ml:project:upload', () => {
  const api = fakeMlApiPerTest();
  const dir = createMockDirectory();
  let projectId: string;

  beforeEach(async () => {
    dir.setContent({
      dashboard: { 'app.py': 'print(1)\n', static: { 'a.css': 'b{}' } },
      'other.txt': 'x',
    });
    const created = await fetch(`${api().baseUrl}/projects`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ workspace: 'demo', name: 'p' }),
    });
    projectId = (await created.json()).id;
  });

  it('uploads the files of sourcePath into the existing project as the initiating user', async () => {
    const action = createMlProjectUploadAction({ ml: api().client() });
    const { outputs } = await runAction(
      action,
      { projectId, sourcePath: 'dashboard' },
      { workspacePath: dir.path },
    );
    expect(outputs).toEqual({ fileCount: 2 });
    expect([...api().files.keys()].sort()).toEqual([
      `${projectId}:app.py`,
      `${projectId}:static/a.css`,
    ]);
    expect(
      api()
        .requestsTo('PUT', /./)
        .every(r => r.onBehalfOf === INITIATOR),
    ).toBe(true);
  });

  it('uploads nothing to a project that does not exist', async () => {
    const action = createMlProjectUploadAction({ ml: api().client() });
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(
      runAction(action, { projectId: missing }, { workspacePath: dir.path }),
    ).rejects.toThrow(/404/);
    expect(api().files.size).toBe(0);
  });

  it('a retried task does not upload again once the upload succeeded', async () => {
    const action = createMlProjectUploadAction({ ml: api().client() });
    await runRetried(action, { projectId }, { workspacePath: dir.path });
    expect(api().requestsTo('PUT', /./)).toHaveLength(3);
  });
});
