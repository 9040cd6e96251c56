import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { rawRequest } from '../../__testUtils__/rawRequest';
import {
  ARTIFACTS_API,
  filesUnder,
  RUN,
  TOKEN,
  useArtifactsServer,
} from './__testUtils__/artifactsServer';

describe('createArtifactsRouter', () => {
  const t = useArtifactsServer();

  it('round-trips a text file as an attachment, authorising each call', async () => {
    await t.put(`${RUN}/notes.txt`, 'hello\n').expect(200, {});
    const res = await t.download(`${RUN}/notes.txt`).expect(200);
    expect(res.body.toString()).toBe('hello\n');
    expect(res.headers).toMatchObject({
      'content-type': 'text/plain',
      'content-length': '6',
      'content-disposition': 'attachment; filename="notes.txt"',
      'x-content-type-options': 'nosniff',
    });
    expect(t.needs()).toEqual([
      `write ${RUN}/notes.txt`,
      `read ${RUN}/notes.txt`,
    ]);
    expect(t.authorize.mock.calls[0][0].headers.authorization).toBe(TOKEN);

    // An empty file is a file too.
    await t.put(`${RUN}/empty.txt`, '').expect(200);
    const empty = await t.download(`${RUN}/empty.txt`).expect(200);
    expect(empty.headers['content-length']).toBe('0');

    // A JSON file is stored as sent, never parsed.
    await t
      .put(`${RUN}/config.json`, '{"a": 1}', 'application/json')
      .expect(200);
    const json = await t.download(`${RUN}/config.json`).expect(200);
    expect(json.body.toString()).toBe('{"a": 1}');
  });

  it('round-trips a 3 MB binary file byte for byte', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    await t
      .put(`${RUN}/model/weights.bin`, bytes, 'application/octet-stream')
      .expect(200, {});
    const res = await t.download(`${RUN}/model/weights.bin`).expect(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-length']).toBe(String(bytes.length));
    expect(Buffer.compare(res.body, bytes)).toBe(0);
  });

  it('serves HTML and SVG as attachments the browser may not sniff', async () => {
    await t.put(`${RUN}/report.html`, '<script>alert(1)</script>', 'text/html');
    await t.put(`${RUN}/plot.svg`, '<svg onload="alert(1)"/>', 'image/svg+xml');
    for (const [name, type] of [
      ['report.html', 'text/html'],
      ['plot.svg', 'image/svg+xml'],
    ]) {
      const res = await t.download(`${RUN}/${name}`).expect(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${name}"`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain('sandbox');
    }
  });

  it('lists a folder one level deep, with paths relative to it', async () => {
    await t.put(`${RUN}/a.txt`, 'aa');
    await t.put(`${RUN}/model/MLmodel`, 'flavors: {}');
    await t.put(`${RUN}/model/data/w.bin`, 'w');

    const list = (p: string) =>
      request(t.server)
        .get(`${ARTIFACTS_API}/artifacts`)
        .query({ path: p })
        .expect(200);
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
    expect(t.needs()).toContain(`read ${RUN}/model`);
  });

  it('deletes a file or a whole folder', async () => {
    await t.put(`${RUN}/a.txt`, 'a');
    await t.put(`${RUN}/model/MLmodel`, 'm');
    await request(t.server)
      .delete(`${ARTIFACTS_API}/artifacts/${RUN}/model`)
      .expect(200, {});
    expect(await filesUnder(t.root)).toEqual([`${RUN}/a.txt`]);
    expect(t.needs()).toContain(`write ${RUN}/model`);
  });

  it('answers a missing file with 404 RESOURCE_DOES_NOT_EXIST', async () => {
    const res = await request(t.server)
      .get(`${ARTIFACTS_API}/artifacts/${RUN}/missing.txt`)
      .expect(404);
    expect(res.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: `No artifact at '${RUN}/missing.txt'`,
    });
  });

  describe('paths that leave the store', () => {
    beforeEach(async () => {
      await fs.mkdir(path.join(t.root, RUN), { recursive: true });
      await fs.symlink(t.outside, path.join(t.root, RUN, 'out'));
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
        const url = `${ARTIFACTS_API}/artifacts/${p}`;
        const written = await rawRequest(t.server, {
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
          const res = await rawRequest(t.server, { method, path: url });
          expect(res.status).toBe(400);
        }
        expect(await filesUnder(t.outside)).toEqual(['secret.txt']);
        expect(await filesUnder(t.root)).toEqual([]);
        // Once each for PUT, GET and DELETE, when only the store can tell.
        expect(t.authorize).toHaveBeenCalledTimes(syntactic ? 0 : 3);
      },
    );

    it('refuses to read or list through a link out of the root', async () => {
      const res = await rawRequest(t.server, {
        path: `${ARTIFACTS_API}/artifacts/${RUN}/out/secret.txt`,
      });
      expect(res.status).toBe(400);
      expect(res.body).not.toContain('top secret');
      const listed = await rawRequest(t.server, {
        path: `${ARTIFACTS_API}/artifacts?path=${RUN}/out`,
      });
      expect(listed.status).toBe(400);
      expect(
        (
          await request(t.server)
            .get(`${ARTIFACTS_API}/artifacts`)
            .query({ path: RUN })
        ).body,
      ).toEqual({});
    });
  });

  describe('uploads over the limit', () => {
    beforeEach(() => t.start({ maxUploadBytes: 1024 }));

    it('refuses a declared length over the limit, and a chunked body that grows past it', async () => {
      const res = await t.put(`${RUN}/big.bin`, Buffer.alloc(2048));
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('INVALID_PARAMETER_VALUE');

      const chunked = await rawRequest(t.server, {
        method: 'PUT',
        path: `${ARTIFACTS_API}/artifacts/${RUN}/chunked.bin`,
        headers: { 'transfer-encoding': 'chunked' },
        body: Buffer.alloc(4096),
      });
      expect(chunked.status).toBe(400);
      expect(chunked.headers.connection).toBe('close');
      expect(await filesUnder(t.root)).toEqual([]);

      await t.put(`${RUN}/small.bin`, Buffer.alloc(1024)).expect(200);
    });
  });

  describe('authorisation', () => {
    const denied = `2/run/artifacts`;

    it('passes a refusal on as MLflow’s error, writing nothing', async () => {
      const written = await t.put(`${denied}/x.txt`, 'x').expect(403);
      expect(written.body).toEqual({
        error_code: 'PERMISSION_DENIED',
        message: 'Not your experiment',
      });
      await request(t.server)
        .get(`${ARTIFACTS_API}/artifacts/${denied}/x.txt`)
        .expect(403);
      await request(t.server)
        .delete(`${ARTIFACTS_API}/artifacts/${denied}`)
        .expect(403);
      await request(t.server)
        .get(`${ARTIFACTS_API}/artifacts`)
        .query({ path: denied })
        .expect(403);
      await request(t.server)
        .post(`${ARTIFACTS_API}/mpu/create/${denied}`)
        .send({ path: 'x.bin', num_parts: 1 })
        .expect(403);
      expect(t.needs()).toEqual([
        `write ${denied}/x.txt`,
        `read ${denied}/x.txt`,
        `write ${denied}`,
        `read ${denied}`,
        `write ${denied}/x.bin`,
      ]);
      expect(await filesUnder(t.root)).toEqual([]);
    });

    it('leaves errors other than MLflow’s to the plugin’s handler', async () => {
      t.authorize.mockRejectedValueOnce(new Error('policy is down'));
      const res = await t.download(`${RUN}/x.txt`).expect(500);
      expect(JSON.parse(res.body.toString())).toEqual({
        handledBy: 'plugin',
        message: 'policy is down',
      });
    });
  });
});
