import express, { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import request from 'supertest';
import { rawRequest } from '../../__testUtils__/rawRequest';
import { tempDirForEachTest } from '../../__testUtils__/tempDirs';
import { doesNotExist, MlflowError } from '../MlflowError';
import { LocalArtifactStore } from './LocalArtifactStore';
import {
  ArtifactsRouterOptions,
  createArtifactsRouter,
} from './artifactsRouter';

const API = '/mlflow/api/2.0/mlflow-artifacts';
const RUN = '1/run1/artifacts';
const TOKEN = 'Bearer token-1';

/** Reads a response body whole, as bytes. */
const binary = (
  res: NodeJS.ReadableStream,
  done: (e: null, b: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', chunk => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Every file under a folder, as sorted relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs
    .readdir(dir, { recursive: true, withFileTypes: true })
    .catch(() => []);
  return entries
    .filter(e => e.isFile())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('createArtifactsRouter', () => {
  let dir: string;
  let root: string;
  let outside: string;
  let server: http.Server;
  let authorize: jest.MockedFunction<ArtifactsRouterOptions['authorize']>;
  let resolveRun: jest.MockedFunction<ArtifactsRouterOptions['resolveRun']>;

  tempDirForEachTest('ml-artifacts-router-', d => (dir = d));

  async function start(options: Partial<ArtifactsRouterOptions> = {}) {
    server?.close();
    const app = express();
    app.use(
      createArtifactsRouter({
        store: new LocalArtifactStore(root),
        authorize,
        resolveRun,
        ...options,
      }),
    );
    // Stands in for the plugin's own error handler.
    app.use((error: Error, _req: Request, res: Response, _n: NextFunction) => {
      res.status(500).json({ handledBy: 'plugin', message: error.message });
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
  }

  beforeEach(async () => {
    root = path.join(dir, 'mlflow-artifacts');
    outside = path.join(dir, 'outside');
    await fs.mkdir(outside);
    await fs.writeFile(path.join(outside, 'secret.txt'), 'top secret');
    authorize = jest.fn(async (_req, artifactPath, _need) => {
      if (artifactPath.startsWith('2/')) {
        throw new MlflowError('PERMISSION_DENIED', 'Not your experiment');
      }
    });
    resolveRun = jest.fn(async (_req, runId) => {
      if (runId !== 'run1') throw doesNotExist(`Run '${runId}' not found`);
      return { artifactUri: `mlflow-artifacts:/${RUN}` };
    });
    await start();
  });

  afterEach(() => {
    server.closeAllConnections();
    server.close();
  });

  const put = (
    artifactPath: string,
    body: string | Buffer,
    type = 'text/plain',
  ) =>
    request(server)
      .put(`${API}/artifacts/${artifactPath}`)
      .set('Authorization', TOKEN)
      .set('Content-Type', type)
      .send(body);
  const download = (artifactPath: string) =>
    request(server)
      .get(`${API}/artifacts/${artifactPath}`)
      .buffer(true)
      .parse(binary as any);
  const needs = () => authorize.mock.calls.map(([, p, need]) => `${need} ${p}`);

  it('round-trips a text file as an attachment, authorising each call', async () => {
    await put(`${RUN}/notes.txt`, 'hello\n').expect(200, {});
    const res = await download(`${RUN}/notes.txt`).expect(200);
    expect(res.body.toString()).toBe('hello\n');
    expect(res.headers).toMatchObject({
      'content-type': 'text/plain',
      'content-length': '6',
      'content-disposition': 'attachment; filename="notes.txt"',
      'x-content-type-options': 'nosniff',
    });
    expect(needs()).toEqual([
      `write ${RUN}/notes.txt`,
      `read ${RUN}/notes.txt`,
    ]);
    expect(authorize.mock.calls[0][0].headers.authorization).toBe(TOKEN);

    // A JSON file is stored as sent, never parsed.
    await put(`${RUN}/config.json`, '{"a": 1}', 'application/json').expect(200);
    const json = await download(`${RUN}/config.json`).expect(200);
    expect(json.body.toString()).toBe('{"a": 1}');
  });

  it('round-trips a 3 MB binary file byte for byte', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    await put(
      `${RUN}/model/weights.bin`,
      bytes,
      'application/octet-stream',
    ).expect(200, {});
    const res = await download(`${RUN}/model/weights.bin`).expect(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-length']).toBe(String(bytes.length));
    expect(Buffer.compare(res.body, bytes)).toBe(0);
  });

  it('serves HTML and SVG as attachments the browser may not sniff', async () => {
    await put(`${RUN}/report.html`, '<script>alert(1)</script>', 'text/html');
    await put(`${RUN}/plot.svg`, '<svg onload="alert(1)"/>', 'image/svg+xml');
    for (const [name, type] of [
      ['report.html', 'text/html'],
      ['plot.svg', 'image/svg+xml'],
    ]) {
      const res = await download(`${RUN}/${name}`).expect(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${name}"`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain('sandbox');
    }
  });

  it('lists a folder one level deep, with paths relative to it', async () => {
    await put(`${RUN}/a.txt`, 'aa');
    await put(`${RUN}/model/MLmodel`, 'flavors: {}');
    await put(`${RUN}/model/data/w.bin`, 'w');

    const list = (p: string) =>
      request(server).get(`${API}/artifacts`).query({ path: p }).expect(200);
    expect((await list(RUN)).body).toEqual({
      files: [
        { path: 'a.txt', is_dir: false, file_size: 2 },
        { path: 'model', is_dir: true },
      ],
    });
    expect((await list(`${RUN}/model`)).body).toEqual({
      files: [
        { path: 'MLmodel', is_dir: false, file_size: 11 },
        { path: 'data', is_dir: true },
      ],
    });
    // MLflow leaves out an empty list.
    expect((await list(`${RUN}/nothing`)).body).toEqual({});
    expect(needs()).toContain(`read ${RUN}/model`);
  });

  it('lists a run’s artifacts through the tracking API, relative to the run', async () => {
    await put(`${RUN}/a.txt`, 'aa');
    await put(`${RUN}/model/MLmodel`, 'flavors: {}');
    const list = (query: object) =>
      request(server).get('/mlflow/api/2.0/mlflow/artifacts/list').query(query);

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
    expect(resolveRun).toHaveBeenCalledWith(expect.anything(), 'run1');
    expect(needs()).toContain(`read ${RUN}/model`);

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

  it('pages a large folder through the tracking API', async () => {
    const store = new LocalArtifactStore(root);
    const names = Array.from(
      { length: 1001 },
      (_, i) => `f${String(i).padStart(4, '0')}.txt`,
    );
    for (const name of names) {
      await store.put(`${RUN}/many/${name}`, Buffer.from('x'));
    }
    const url = '/mlflow/api/2.0/mlflow/artifacts/list';
    const first = await request(server)
      .get(url)
      .query({ run_id: 'run1', path: 'many' })
      .expect(200);
    expect(first.body.files).toHaveLength(1000);
    expect(first.body.next_page_token).toEqual(expect.any(String));
    const second = await request(server)
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
    await request(server)
      .get(url)
      .query({ run_id: 'run1', page_token: 'not-a-token' })
      .expect(400);
  });

  it('deletes a file or a whole folder', async () => {
    await put(`${RUN}/a.txt`, 'a');
    await put(`${RUN}/model/MLmodel`, 'm');
    await request(server)
      .delete(`${API}/artifacts/${RUN}/model`)
      .expect(200, {});
    expect(await filesUnder(root)).toEqual([`${RUN}/a.txt`]);
    expect(needs()).toContain(`write ${RUN}/model`);
  });

  it('answers a missing file with 404 RESOURCE_DOES_NOT_EXIST', async () => {
    const res = await request(server)
      .get(`${API}/artifacts/${RUN}/missing.txt`)
      .expect(404);
    expect(res.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: `No artifact at '${RUN}/missing.txt'`,
    });
  });

  describe('paths that leave the store', () => {
    beforeEach(async () => {
      await fs.mkdir(path.join(root, RUN), { recursive: true });
      await fs.symlink(outside, path.join(root, RUN, 'out'));
    });

    // The last column: whether the path alone is refused, before authorising.
    it.each([
      ['..', `${RUN}/../../../../outside/x.txt`, true],
      ['%2e%2e', `${RUN}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/outside/x.txt`, true],
      ['%2e%2e encoded twice', `${RUN}/%252e%252e/%252e%252e/x.txt`, true],
      ['an encoded slash', `${RUN}/..%2f..%2f..%2f..%2foutside%2fx.txt`, true],
      ['an absolute path', '/etc/cron.d/x', true],
      ['an encoded absolute path', '%2Fetc%2Fcron.d%2Fx', true],
      ['a backslash', `${RUN}/..%5c..%5cx.txt`, true],
      ['a symbolic link out of the root', `${RUN}/out/x.txt`, false],
    ])(
      'refuses %s with 400 INVALID_PARAMETER_VALUE, writing nothing',
      async (_, p, syntactic) => {
        const url = `${API}/artifacts/${p}`;
        const written = await rawRequest(server, {
          method: 'PUT',
          path: url,
          headers: { 'content-type': 'text/plain' },
          body: 'pwned',
        });
        expect(written.status).toBe(400);
        expect(JSON.parse(written.body).error_code).toBe(
          'INVALID_PARAMETER_VALUE',
        );
        for (const method of ['GET', 'DELETE']) {
          const res = await rawRequest(server, { method, path: url });
          expect(res.status).toBe(400);
        }
        expect(await filesUnder(outside)).toEqual(['secret.txt']);
        expect(await filesUnder(root)).toEqual([]);
        // Once each for PUT, GET and DELETE, when only the store can tell.
        expect(authorize).toHaveBeenCalledTimes(syntactic ? 0 : 3);
      },
    );

    it('refuses to read or list through a link out of the root', async () => {
      const res = await rawRequest(server, {
        path: `${API}/artifacts/${RUN}/out/secret.txt`,
      });
      expect(res.status).toBe(400);
      expect(res.body).not.toContain('top secret');
      const listed = await rawRequest(server, {
        path: `${API}/artifacts?path=${RUN}/out`,
      });
      expect(listed.status).toBe(400);
      expect(
        (await request(server).get(`${API}/artifacts`).query({ path: RUN }))
          .body,
      ).toEqual({});
    });
  });

  describe('uploads over the limit', () => {
    beforeEach(() => start({ maxUploadBytes: 1024 }));

    it('refuses a declared length over the limit, and a chunked body that grows past it', async () => {
      const res = await put(`${RUN}/big.bin`, Buffer.alloc(2048));
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('INVALID_PARAMETER_VALUE');

      const chunked = await rawRequest(server, {
        method: 'PUT',
        path: `${API}/artifacts/${RUN}/chunked.bin`,
        headers: { 'transfer-encoding': 'chunked' },
        body: Buffer.alloc(4096),
      });
      expect(chunked.status).toBe(400);
      expect(chunked.headers.connection).toBe('close');
      expect(await filesUnder(root)).toEqual([]);

      await put(`${RUN}/small.bin`, Buffer.alloc(1024)).expect(200);
    });
  });

  describe('multipart uploads', () => {
    const target = `${RUN}/model/weights.bin`;
    const parts = [randomBytes(70_000), randomBytes(70_000), randomBytes(10)];

    const mpu = (action: string, body: object) =>
      request(server)
        .post(`${API}/mpu/${action}/${RUN}/model`)
        .set('Authorization', TOKEN)
        .send(body);

    /** Uploads a part the way MLflow's client does: PUT to the URL given, with its headers. */
    const uploadPart = (credential: any, bytes: Buffer) => {
      const url = new URL(credential.url);
      return request(server)
        .put(`${url.pathname}${url.search}`)
        .set(credential.headers)
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
        headers: { Authorization: TOKEN },
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

      const res = await download(target).expect(200);
      expect(Buffer.compare(res.body, Buffer.concat(parts))).toBe(0);
      expect(new Set(needs())).toEqual(
        new Set([`write ${target}`, `read ${target}`]),
      );
      expect(needs().filter(n => n.startsWith('write'))).toHaveLength(5);
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
      expect(await filesUnder(root)).toEqual([]);
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
      const badJson = await request(server)
        .post(`${API}/mpu/create/${RUN}`)
        .set('Content-Type', 'application/json')
        .send('{"path":');
      expect(badJson.status).toBe(400);
      expect(badJson.body.error_code).toBe('BAD_REQUEST');
      const unknown = await request(server)
        .put(`${API}/mpu/upload-part`)
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

  describe('authorisation', () => {
    const denied = `2/run/artifacts`;

    it('passes a refusal on as MLflow’s error, writing nothing', async () => {
      const written = await put(`${denied}/x.txt`, 'x').expect(403);
      expect(written.body).toEqual({
        error_code: 'PERMISSION_DENIED',
        message: 'Not your experiment',
      });
      await request(server).get(`${API}/artifacts/${denied}/x.txt`).expect(403);
      await request(server).delete(`${API}/artifacts/${denied}`).expect(403);
      await request(server)
        .get(`${API}/artifacts`)
        .query({ path: denied })
        .expect(403);
      await request(server)
        .post(`${API}/mpu/create/${denied}`)
        .send({ path: 'x.bin', num_parts: 1 })
        .expect(403);
      expect(needs()).toEqual([
        `write ${denied}/x.txt`,
        `read ${denied}/x.txt`,
        `write ${denied}`,
        `read ${denied}`,
        `write ${denied}/x.bin`,
      ]);
      expect(await filesUnder(root)).toEqual([]);
    });

    it('leaves errors other than MLflow’s to the plugin’s handler', async () => {
      authorize.mockRejectedValueOnce(new Error('policy is down'));
      const res = await download(`${RUN}/x.txt`).expect(500);
      expect(JSON.parse(res.body.toString())).toEqual({
        handledBy: 'plugin',
        message: 'policy is down',
      });
    });
  });
});
