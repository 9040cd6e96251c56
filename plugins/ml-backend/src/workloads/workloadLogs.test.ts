import { mockCredentials } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { MlTestBackend } from '../__testUtils__/startMlBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { waitFor } from '../__testUtils__/waitFor';
import {
  createProject,
  putProjectFiles,
  workloadInState,
  startPythonBackend,
} from '../__testUtils__/apiFixtures';

jest.setTimeout(90_000);
const databases = createTestDatabases();

/** Opens a follow stream and resolves once its head arrived. */
function follow(
  server: http.Server,
  path: string,
  user = 'user:default/mock',
): Promise<{ status: number; body: () => string; close: () => void }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path,
        agent: false,
        headers: { Authorization: mockCredentials.user.header(user) },
      },
      res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', chunk => (text += chunk));
        res.on('error', () => {});
        resolve({
          status: res.statusCode!,
          body: () => text,
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', error => {
      if (!req.destroyed) reject(error);
    });
  });
}

describe('workload logs: bounded reads and a cap on follow streams', () => {
  let backend: MlTestBackend;
  let server: http.Server;
  let base: string;
  let runtimeId: string;

  let jobs = 0;
  const run = async (script: string) => {
    jobs += 1;
    const job = await request(server)
      .post(base)
      .send({
        name: `job-${jobs}`,
        script: `${script}.py`,
        runtimeId,
        profile: 'small',
      })
      .expect(201);
    return (
      await request(server)
        .post(`${base}/${job.body.id}/runs`)
        .send({})
        .expect(201)
    ).body.id as string;
  };

  beforeAll(async () => {
    ({ backend, runtimeId } = await startPythonBackend(databases, 'SQLITE_3', {
      config: {
        engine: { cronIntervalSeconds: 3600 },
        logs: { maxReadKiB: 64, maxFollowStreamsPerUser: 2 },
      },
      profile: { name: 'small', cpu: 0.5, memoryMiB: 256 },
    }));
    server = backend.server as http.Server;
    if (!server.listening) {
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
    }
    const projectId = await createProject(server, 'logs');
    base = `/api/ml/projects/${projectId}/jobs`;
    await putProjectFiles(server, projectId, {
      // 2 MB of output: 20,000 lines of 100 bytes.
      'chatty.py':
        'import sys\nfor i in range(20000):\n    sys.stdout.write("line %05d %s\\n" % (i, "x" * 88))\n',
      'quiet.py': 'print("started", flush=True)\nimport time\ntime.sleep(60)\n',
    });
  });

  afterAll(() => backend?.stop());

  it('answers the end of a large log, no more than the byte limit, and says it is cut', async () => {
    const id = await run('chatty');
    await workloadInState(server, id, 'succeeded', 'the chatty run');
    const all = await request(server)
      .get(`/api/ml/workloads/${id}/logs`)
      .expect(200);
    expect(all.body.truncated).toBe(true);
    // 64 KiB of 100-byte lines, the last line of the output last.
    expect(all.body.lines).toHaveLength(655);
    expect(all.body.lines[all.body.lines.length - 1]).toMatch(
      /^line 19999 x+$/,
    );
    expect(all.body.lines[0]).toMatch(/^line 19345 x+$/);
    expect(Buffer.byteLength(JSON.stringify(all.body))).toBeLessThan(80 * 1024);

    const tail = await request(server)
      .get(`/api/ml/workloads/${id}/logs?tail=2`)
      .expect(200);
    expect(tail.body).toEqual({
      lines: [
        expect.stringMatching(/^line 19998 /),
        expect.stringMatching(/^line 19999 /),
      ],
      truncated: true,
    });
    const bad = await request(server)
      .get(`/api/ml/workloads/${id}/logs?tail=0`)
      .expect(400);
    expect(bad.body.error.message).toContain('tail');
    const both = await request(server)
      .get(`/api/ml/workloads/${id}/logs?tail=5&follow=true`)
      .expect(400);
    expect(both.body.error.message).toContain(
      'tail: only for reads without follow=true',
    );
  });

  it('answers a short log whole, untruncated', async () => {
    const id = await run('quiet');
    const read = await waitFor(async () => {
      const res = await request(server).get(`/api/ml/workloads/${id}/logs`);
      return res.status === 200 && res.body.lines.length > 0 && res.body;
    }, 'the first line');
    expect(read).toEqual({ lines: ['started'], truncated: false });
    await request(server).post(`/api/ml/workloads/${id}/stop`).expect(200);
  });

  it('refuses a follow stream beyond the per-user cap with 429, and frees a slot when one closes', async () => {
    const id = await run('quiet');
    await workloadInState(server, id, 'running', 'the quiet run');
    const path = `/api/ml/workloads/${id}/logs?follow=true`;
    const first = await follow(server, path);
    const second = await follow(server, path);
    expect([first.status, second.status]).toEqual([200, 200]);
    await waitFor(
      async () => first.body().includes('"started"'),
      'the first stream',
    );

    const third = await follow(server, path);
    expect(third.status).toBe(429);
    await waitFor(async () => third.body().length > 0, 'the refusal');
    expect(JSON.parse(third.body()).error.message).toContain(
      'You already follow 2 logs at once',
    );
    // Another user has slots of their own.
    const other = await follow(server, path, 'user:default/other');
    expect(other.status).toBe(200);

    first.close();
    const again = await waitFor(async () => {
      const res = await follow(server, path);
      if (res.status === 200) return res;
      res.close();
      return undefined;
    }, 'a slot after a stream closed');
    // A read without follow is never counted.
    await request(server).get(`/api/ml/workloads/${id}/logs`).expect(200);

    // Streams that end with their workload free their slots too.
    await request(server).post(`/api/ml/workloads/${id}/stop`).expect(200);
    await waitFor(
      async () => again.body().includes('event: end'),
      'the end event',
    );
    const after = await follow(server, path);
    expect(after.status).toBe(200);
    for (const stream of [second, other, again, after]) stream.close();
  });
});
