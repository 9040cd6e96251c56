import request from 'supertest';
import { LocalArtifactStore } from './LocalArtifactStore';
import { RUN, useArtifactsServer } from './__testUtils__/artifactsServer';
import { artifactUriFolder } from './runArtifactsRoute';

describe('GET /mlflow/api/2.0/mlflow/artifacts/list', () => {
  const t = useArtifactsServer();

  it('lists a run’s artifacts through the tracking API, relative to the run', async () => {
    await t.put(`${RUN}/a.txt`, 'aa');
    await t.put(`${RUN}/model/MLmodel`, 'flavors: {}');
    const list = (query: object) =>
      request(t.server)
        .get('/mlflow/api/2.0/mlflow/artifacts/list')
        .query(query);

    expect((await list({ run_id: 'run1' }).expect(200)).body).toEqual({
      root_uri: `mlflow-artifacts:/${RUN}`,
      files: [
        { path: 'a.txt', is_dir: false, file_size: 2 },
        { path: 'model', is_dir: true },
      ],
    });
    expect(
      (await list({ run_uuid: 'run1', path: 'model' }).expect(200)).body,
    ).toEqual({
      root_uri: `mlflow-artifacts:/${RUN}`,
      files: [{ path: 'model/MLmodel', is_dir: false, file_size: 11 }],
    });
    expect(t.resolveRun).toHaveBeenCalledWith(expect.anything(), 'run1');
    expect(t.needs()).toContain(`read ${RUN}/model`);

    expect((await list({}).expect(400)).body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: "Missing value for required parameter 'run_id'",
    });
    expect(
      (await list({ run_id: 'run1', path: '../../2' }).expect(400)).body
        .error_code,
    ).toBe('INVALID_PARAMETER_VALUE');
    expect((await list({ run_id: 'nope' }).expect(404)).body.error_code).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
  });

  // 1,001 files written and listed: more than jest's 5 s on a busy machine.
  it('pages a large folder through the tracking API', async () => {
    const store = new LocalArtifactStore(t.root);
    const names = Array.from(
      { length: 1001 },
      (_, i) => `f${String(i).padStart(4, '0')}.txt`,
    );
    for (const name of names) {
      await store.put(`${RUN}/many/${name}`, Buffer.from('x'));
    }
    const url = '/mlflow/api/2.0/mlflow/artifacts/list';
    const first = await request(t.server)
      .get(url)
      .query({ run_id: 'run1', path: 'many' })
      .expect(200);
    expect(first.body.files).toHaveLength(1000);
    expect(first.body.next_page_token).toEqual(expect.any(String));
    const second = await request(t.server)
      .get(url)
      .query({
        run_id: 'run1',
        path: 'many',
        page_token: first.body.next_page_token,
      })
      .expect(200);
    expect(second.body).toEqual({
      root_uri: `mlflow-artifacts:/${RUN}`,
      files: [{ path: 'many/f1000.txt', is_dir: false, file_size: 1 }],
    });
    await request(t.server)
      .get(url)
      .query({ run_id: 'run1', page_token: 'not-a-token' })
      .expect(400);
  }, 30_000);

  it('finds the store folder of an artifact URI', () => {
    expect(artifactUriFolder('mlflow-artifacts:/1/abc/artifacts')).toBe(
      '1/abc/artifacts',
    );
    expect(
      artifactUriFolder('mlflow-artifacts://portal:7007/1/abc/artifacts'),
    ).toBe('1/abc/artifacts');
    expect(() => artifactUriFolder('s3://bucket/1/abc/artifacts')).toThrow(
      expect.objectContaining({ errorCode: 'INVALID_PARAMETER_VALUE' }),
    );
    expect(() => artifactUriFolder('mlflow-artifacts:/1/../../x')).toThrow(
      expect.objectContaining({ errorCode: 'INVALID_PARAMETER_VALUE' }),
    );
  });
});
