import { randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  ARTIFACTS_API,
  filesUnder,
  RUN,
  TOKEN,
  useArtifactsServer,
} from './__testUtils__/artifactsServer';

describe('multipart upload routes', () => {
  const t = useArtifactsServer();

  const target = `${RUN}/model/weights.bin`;
  const parts = [randomBytes(70_000), randomBytes(70_000), randomBytes(10)];

  const mpu = (action: string, body: object) =>
    request(t.server)
      .post(`${ARTIFACTS_API}/mpu/${action}/${RUN}/model`)
      .set('Authorization', TOKEN)
      .send(body);

  /** Uploads a part the way MLflow's client does: PUT to the URL given, with its headers. */
  const uploadPart = (credential: any, bytes: Buffer) => {
    const url = new URL(credential.url);
    return request(t.server)
      .put(`${url.pathname}${url.search}`)
      .set({ ...credential.headers, Authorization: TOKEN })
      .send(bytes);
  };

  it('creates an upload, takes its parts and joins them on complete', async () => {
    const created = await mpu('create', {
      path: '/home/me/weights.bin',
      num_parts: 3,
    }).expect(200);
    const { upload_id: uploadId, credentials } = created.body;
    expect(credentials).toHaveLength(3);
    expect(credentials[1]).toEqual({
      url: expect.stringMatching(
        /^http:\/\/127\.0\.0\.1:\d+\/mlflow\/api\/2\.0\/mlflow-artifacts\/mpu\/upload-part\?/,
      ),
      part_number: 2,
      // No token in a response: the client sends its own with each part.
      headers: {},
    });
    expect(
      Object.fromEntries(new URL(credentials[1].url).searchParams),
    ).toEqual({ path: target, upload_id: uploadId, part_number: '2' });

    const uploaded = [];
    for (const [index, credential] of [...credentials.entries()].reverse()) {
      const res = await uploadPart(credential, parts[index]).expect(200);
      expect(res.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
      uploaded.unshift({
        part_number: credential.part_number,
        etag: res.headers.etag,
        url: credential.url,
      });
    }
    await mpu('complete', {
      path: '/home/me/weights.bin',
      upload_id: uploadId,
      parts: uploaded,
    }).expect(200, {});

    const res = await t.download(target).expect(200);
    expect(Buffer.compare(res.body, Buffer.concat(parts))).toBe(0);
    expect(new Set(t.needs())).toEqual(
      new Set([`write ${target}`, `read ${target}`]),
    );
    expect(t.needs().filter(n => n.startsWith('write'))).toHaveLength(5);
  });

  it('builds part URLs on the external base URL when given one', async () => {
    await t.start({ externalBaseUrl: 'https://portal.example/api/ml/' });
    const created = await mpu('create', { path: 'w.bin' }).expect(200);
    expect(created.body.credentials[0].url).toMatch(
      /^https:\/\/portal\.example\/api\/ml\/mlflow\/api\/2\.0\/mlflow-artifacts\/mpu\/upload-part\?/,
    );
  });

  it('aborts an upload, dropping its parts', async () => {
    const created = await mpu('create', { path: 'weights.bin' }).expect(200);
    const { upload_id: uploadId, credentials } = created.body;
    expect(credentials).toHaveLength(1);
    await uploadPart(credentials[0], parts[0]).expect(200);
    await mpu('abort', { path: 'weights.bin', upload_id: uploadId }).expect(
      200,
      {},
    );
    const completed = await mpu('complete', {
      path: 'weights.bin',
      upload_id: uploadId,
      parts: [{ part_number: 1 }],
    }).expect(404);
    expect(completed.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(await filesUnder(t.root)).toEqual([]);
  });

  it('refuses malformed calls as MLflow does', async () => {
    const missing = await mpu('create', { num_parts: 2 }).expect(400);
    expect(missing.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: "Missing value for required parameter 'path'",
    });
    await mpu('create', { path: 'w.bin', num_parts: 0 }).expect(400);
    await mpu('create', { path: 'w.bin', num_parts: 10_001 }).expect(400);
    await mpu('create', { path: '..' }).expect(400);
    const badJson = await request(t.server)
      .post(`${ARTIFACTS_API}/mpu/create/${RUN}`)
      .set('Content-Type', 'application/json')
      .send('{"path":');
    expect(badJson.status).toBe(400);
    expect(badJson.body.error_code).toBe('BAD_REQUEST');
    const unknown = await request(t.server)
      .put(`${ARTIFACTS_API}/mpu/upload-part`)
      .query({
        path: target,
        upload_id: '7d8f7c6e-4c1b-4c1e-9a9e-0f6b1c2d3e4f',
        part_number: 1,
      })
      .send(Buffer.from('x'))
      .expect(404);
    expect(unknown.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });
});
