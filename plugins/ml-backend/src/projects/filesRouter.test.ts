import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import * as tar from 'tar';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { MlTestBackend, startMlBackend } from '../__testUtils__/startMlBackend';
import { createProject, createWorkspace } from '../__testUtils__/apiFixtures';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe('project files API', () => {
  let backend: MlTestBackend;
  let base: string;
  let projectDir: string;
  let outside: string;

  beforeAll(async () => {
    backend = await startMlBackend(databases, 'SQLITE_3', {
      config: { storage: { maxUploadMiB: 1 } },
    });
    await createWorkspace(backend.server);
    const projectId = await createProject(backend.server, 'files');
    base = `/api/ml/projects/${projectId}/files`;
    projectDir = path.join(backend.storageRoot, 'projects', projectId);
    outside = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-outside-'));
    await fs.writeFile(path.join(outside, 'secret.txt'), 'top secret');
  });

  /** Makes a folder or renames a file or folder of the project. */
  const fileAction = (action: 'directories' | 'rename', body: object) =>
    request(backend.server).post(`${base}/${action}`).send(body);

  afterAll(async () => {
    await backend.stop();
    await fs.rm(outside, { recursive: true, force: true });
  });

  it('writes, reads, lists, renames and deletes files', async () => {
    const { server } = backend;
    const written = await request(server)
      .put(`${base}/content?path=src/train.py`)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('print("hi")\n'))
      .expect(200);
    expect(written.body).toMatchObject({
      path: 'src/train.py',
      name: 'train.py',
      type: 'file',
      size: 12,
    });

    // A JSON file is stored as sent, not parsed.
    await request(server)
      .put(`${base}/content?path=config.json`)
      .set('Content-Type', 'application/json')
      .send('{"a": 1}')
      .expect(200);
    const json = await request(server)
      .get(`${base}/content?path=config.json`)
      .buffer(true)
      .parse((res, cb) => {
        let data = '';
        res.on('data', c => (data += c));
        res.on('end', () => cb(null, data));
      });
    expect(json.body).toBe('{"a": 1}');

    const tree = await request(server)
      .get(`${base}?recursive=true`)
      .expect(200);
    expect(tree.body.items.map((f: any) => `${f.type}:${f.path}`)).toEqual([
      // Sorted the way people read names, not by code point.
      'file:config.json',
      'file:README.md',
      'directory:src',
      'file:src/train.py',
    ]);
    const top = await request(server).get(`${base}?path=src`).expect(200);
    expect(top.body.items.map((f: any) => f.path)).toEqual(['src/train.py']);

    await fileAction('directories', { path: 'data/raw' }).expect(201);
    await fileAction('rename', { from: 'src', to: 'pkg/src' }).expect(200);
    expect(
      await fs.readFile(path.join(projectDir, 'pkg/src/train.py'), 'utf8'),
    ).toBe('print("hi")\n');
    await request(server).delete(`${base}?path=pkg`).expect(204);
    await request(server)
      .get(`${base}/content?path=pkg/src/train.py`)
      .expect(404);
  });

  it('downloads the project as a tar.gz', async () => {
    const res = await request(backend.server)
      .get(`${base}/archive`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', c => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-disposition']).toContain('files.tar.gz');
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-untar-'));
    await fs.writeFile(path.join(out, 'a.tgz'), res.body);
    await tar.x({ file: path.join(out, 'a.tgz'), cwd: out });
    expect(await fs.readFile(path.join(out, 'README.md'), 'utf8')).toContain(
      '# files',
    );
    await fs.rm(out, { recursive: true, force: true });
  });

  it('never follows a symlink out of the project', async () => {
    await fs.symlink(outside, path.join(projectDir, 'escape'));
    await fs.symlink(
      path.join(outside, 'secret.txt'),
      path.join(projectDir, 'secret-link'),
    );
    await fs.symlink('README.md', path.join(projectDir, 'inside-link'));
    const { server } = backend;
    const before = await fs.readdir(outside);
    for (const p of ['escape/secret.txt', 'secret-link']) {
      const read = await request(server).get(`${base}/content?path=${p}`);
      expect(read.status).toBe(403);
      expect(read.body.error.message).toContain('outside the project');
    }
    await request(server)
      .put(`${base}/content?path=escape/new.txt`)
      .send(Buffer.from('x'))
      .expect(403);
    await request(server)
      .put(`${base}/content?path=secret-link`)
      .send(Buffer.from('x'))
      .expect(403);
    await fileAction('directories', { path: 'escape/dir' }).expect(403);
    await fileAction('rename', { from: 'README.md', to: 'escape/r.md' }).expect(
      403,
    );
    await request(server).get(`${base}?path=escape`).expect(403);
    expect(await fs.readdir(outside)).toEqual(before);
    expect(await fs.readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe(
      'top secret',
    );

    // Links that stay inside work; escaping links are not listed.
    const inside = await request(server)
      .get(`${base}/content?path=inside-link`)
      .expect(200);
    expect(inside.headers['content-length']).toBeDefined();
    const list = await request(server).get(base).expect(200);
    const names = list.body.items.map((f: any) => f.path);
    expect(names).toContain('inside-link');
    expect(names).not.toContain('escape');
    expect(names).not.toContain('secret-link');

    // Deleting a link removes the link only.
    await request(server).delete(`${base}?path=escape`).expect(403);
    expect(await fs.readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe(
      'top secret',
    );
    await fs.rm(path.join(projectDir, 'escape'));
    await fs.rm(path.join(projectDir, 'secret-link'));
    await fs.rm(path.join(projectDir, 'inside-link'));
  });

  it.each([
    [
      'parent segments',
      'GET',
      '/content?path=../../etc/passwd',
      undefined,
      400,
      "must not contain '..'",
    ],
    [
      'hidden parent',
      'GET',
      '/content?path=a/../../x',
      undefined,
      400,
      "must not contain '..'",
    ],
    [
      'absolute path',
      'GET',
      '/content?path=/etc/passwd',
      undefined,
      400,
      'is absolute',
    ],
    ['NUL byte', 'GET', '/content?path=a%00b', undefined, 400, 'NUL'],
    [
      'backslash',
      'PUT',
      '/content?path=..%5Cx',
      Buffer.from('x'),
      400,
      'separator',
    ],
    [
      'write outside',
      'PUT',
      '/content?path=../x.txt',
      Buffer.from('x'),
      400,
      "'..'",
    ],
    [
      'write the root',
      'PUT',
      '/content?path=',
      Buffer.from('x'),
      400,
      'must name a file',
    ],
    [
      'name too long',
      'PUT',
      `/content?path=dir/${'a'.repeat(256)}`,
      Buffer.from('x'),
      400,
      'longer than 255 bytes',
    ],
    [
      'read a name too long',
      'GET',
      `?path=${'ä'.repeat(128)}`,
      undefined,
      400,
      'longer than 255 bytes',
    ],
    [
      'mkdir a name too long',
      'POST',
      '/directories',
      { path: 'b'.repeat(300) },
      400,
      'longer than 255 bytes',
    ],
    ['missing path', 'GET', '/content', undefined, 400, 'path'],
    [
      'missing file',
      'GET',
      '/content?path=nope.txt',
      undefined,
      404,
      "No file or folder 'nope.txt'",
    ],
    [
      'read a folder',
      'GET',
      '/content?path=.',
      undefined,
      400,
      'must name a file',
    ],
    [
      'too large upload',
      'PUT',
      '/content?path=big.bin',
      Buffer.alloc(1024 * 1024 + 1),
      413,
      '',
    ],
    [
      'mkdir over a file',
      'POST',
      '/directories',
      { path: 'README.md' },
      409,
      'already exists',
    ],
    ['mkdir outside', 'POST', '/directories', { path: '../up' }, 400, "'..'"],
    [
      'rename missing',
      'POST',
      '/rename',
      { from: 'nope', to: 'x' },
      404,
      'nope',
    ],
    [
      'rename onto existing',
      'POST',
      '/rename',
      { from: 'README.md', to: 'config.json' },
      409,
      'already exists',
    ],
    [
      'rename out',
      'POST',
      '/rename',
      { from: 'README.md', to: '../../README.md' },
      400,
      "'..'",
    ],
    ['rename bad body', 'POST', '/rename', { from: 1 }, 400, 'from'],
    ['delete outside', 'DELETE', '?path=..', undefined, 400, "'..'"],
    ['delete the root', 'DELETE', '?path=', undefined, 400, 'must name a file'],
    ['list a file', 'GET', '?path=README.md', undefined, 400, 'is a file'],
    ['list unknown option', 'GET', '?depth=3', undefined, 400, 'depth'],
  ] as const)(
    'refuses %s with the right 4xx and changes nothing',
    async (_label, method, suffix, body, status, message) => {
      const before = await backend.snapshot();
      let req = request(backend.server)[method.toLowerCase() as 'get'](
        `${base}${suffix}`,
      );
      if (Buffer.isBuffer(body)) {
        req = req.set('Content-Type', 'application/octet-stream').send(body);
      } else if (body !== undefined) {
        req = req.send(body as object);
      }
      const res = await req;
      expect(res.status).toBe(status);
      // An empty message stands for any: that case checks the status alone.
      expect(res.body.error?.message ?? '').toContain(message);
      expect(await backend.snapshot()).toEqual(before);
    },
  );

  it('refuses files of an unknown project', async () => {
    await request(backend.server)
      .get('/api/ml/projects/3b241101-e2bb-4255-8caf-4136c566a962/files')
      .expect(404);
  });
});
