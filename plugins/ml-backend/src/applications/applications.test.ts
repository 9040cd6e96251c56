import { mockCredentials } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import WebSocket from 'ws';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { MlTestBackend } from '../__testUtils__/startMlBackend';
import { policyServiceFactories } from '../__testUtils__/testPolicy';
import { waitFor } from '../__testUtils__/waitFor';
import { rawRequest } from '../__testUtils__/rawRequest';
import { ECHO_APP } from './__testUtils__/testApps';
import { startAppBackend } from './__testUtils__/appBackend';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const asUser = (ref: string) => ({
  Authorization: mockCredentials.user.header(ref),
});
const cookieOf = (ref: string) => mockCredentials.limitedUser.cookie(ref);

function listen(server: http.Server): Promise<number> {
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () =>
      resolve((server.address() as AddressInfo).port),
    ),
  );
}

describe('applications with the local driver, through the proxy', () => {
  let backend: MlTestBackend;
  let server: http.Server;
  let runtimeId: string;
  let projectId: string;
  let base: string;

  beforeAll(async () => {
    // Alice manages the workspace; project access is the default policy's.
    ({ backend, server, runtimeId, projectId } = await startAppBackend(
      databases,
      {
        features: policyServiceFactories({ admins: [ALICE] }),
        admin: asUser(ALICE),
        project: 'dash',
        app: ECHO_APP,
      },
    ));
    base = `/api/ml/projects/${projectId}/applications`;
  });

  afterAll(() => backend?.stop());

  const create = (body: object, as = ALICE) =>
    request(server).post(base).set(asUser(as)).send(body);
  const appBody = (slug: string, extra: object = {}) => ({
    name: `App ${slug}`,
    slug,
    script: 'app.py',
    runtimeId,
    profile: 'small',
    ...extra,
  });
  const running = (appId: string) =>
    waitFor(async () => {
      const res = await request(server)
        .get(`${base}/${appId}`)
        .set(asUser(ALICE));
      return res.body.state === 'running' && res.body;
    }, 'the app to run');
  /** Waits until the app answers through the proxy (its process binds the port after it runs). */
  /** A raw request as the browser of a signed-in `user` would send it. */
  const visit = (path: string, user: string) =>
    rawRequest(server, { path, headers: { cookie: cookieOf(user) } });
  const answering = (slug: string, path = '/hello?x=1') =>
    waitFor(async () => {
      const res = await visit(`/api/ml/apps/${slug}${path}`, ALICE);
      return res.status === 200 && res;
    }, `the app ${slug} to answer`);
  /** The state of a workload, as its owner sees it. */
  const workloadState = async (workloadId: string) =>
    (
      await request(server)
        .get(`/api/ml/workloads/${workloadId}`)
        .set(asUser(ALICE))
    ).body.state;

  it('refuses bad input, naming the field, and changes nothing', async () => {
    const before = await backend.snapshot(['applications', 'workloads']);
    const cases: Array<[object, RegExp]> = [
      [{ ...appBody('ok'), slug: 'Not A Slug' }, /slug: /],
      [{ ...appBody('ok'), runtimeId: 'nope' }, /runtimeId: /],
      [
        { ...appBody('ok'), script: 'missing.py' },
        /script: no file 'missing.py' in this project/,
      ],
      [
        { ...appBody('ok'), profile: 'huge' },
        /profile: no resource profile 'huge'/,
      ],
      [{ ...appBody('ok'), env: { 'BAD NAME': 'x' } }, /env/],
      [{ ...appBody('ok'), surprise: true }, /surprise|Unrecognized/],
      [
        { ...appBody('ok'), bypassAuthentication: true },
        /bypassAuthentication: .*ml\.applications\.allowBypassAuthentication/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await create(body).expect(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await backend.snapshot(['applications', 'workloads'])).toEqual(
      before,
    );
    expect(
      (
        await request(server)
          .get('/api/ml/applications/settings')
          .set(asUser(ALICE))
          .expect(200)
      ).body,
    ).toEqual({
      allowBypassAuthentication: false,
    });
  });

  it('serves a running app with the user passed in a header, and only to readers of the project', async () => {
    const created = await create(
      appBody('echo', { env: { GREETING: 'hi' } }),
    ).expect(201);
    expect(created.body).toMatchObject({
      slug: 'echo',
      url: '/apps/echo/',
      bypassAuthentication: false,
      createdBy: ALICE,
    });
    const app = await running(created.body.id);
    expect(app.workloadId).toEqual(expect.any(String));
    const workload = (
      await request(server)
        .get(`/api/ml/workloads/${app.workloadId}`)
        .set(asUser(ALICE))
        .expect(200)
    ).body;
    expect(workload).toMatchObject({
      kind: 'application',
      profile: 'small',
      maxAttempts: 3,
    });

    const res = await answering('echo');
    const seen = JSON.parse(res.body);
    // The prefix is stripped, the query kept; the user is named, the portal's cookie is not passed on.
    expect(seen).toMatchObject({ app: 'echo', path: '/hello?x=1' });
    expect(seen.headers['x-ml-user']).toBe(ALICE);
    expect(seen.headers['x-forwarded-prefix']).toBe('/api/ml/apps/echo');
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();

    // A made-up X-ML-User never reaches the app; the app's own cookies do.
    const forged = await rawRequest(server, {
      path: '/api/ml/apps/echo/',
      headers: {
        cookie: `theme=dark; ${cookieOf(ALICE)}`,
        'X-ML-User': 'user:default/admin',
      },
    });
    expect(JSON.parse(forged.body).headers).toMatchObject({
      'x-ml-user': ALICE,
      cookie: 'theme=dark',
    });

    // Bodies pass through untouched (the proxy sits ahead of the JSON parser).
    const posted = await request(server)
      .post('/api/ml/apps/echo/echo')
      .set('Cookie', cookieOf(ALICE))
      .set('Content-Type', 'application/json')
      .send('{"raw": true}')
      .expect(200);
    expect(posted.text).toBe('{"raw": true}');

    // The app's own redirects stay under its prefix; /apps/echo gains its slash.
    const redirected = await visit('/api/ml/apps/echo/elsewhere', ALICE);
    expect([redirected.status, redirected.headers.location]).toEqual([
      302,
      '/api/ml/apps/echo/login',
    ]);
    const slashless = await rawRequest(server, {
      path: '/api/ml/apps/echo?x=1',
    });
    expect([slashless.status, slashless.headers.location]).toEqual([
      302,
      '/api/ml/apps/echo/?x=1',
    ]);

    // No user: 401. A user who may not read the (private) project: 404, as for no app at all.
    const anonymous = await rawRequest(server, { path: '/api/ml/apps/echo/' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toContain('Sign in first');
    const bob = await visit('/api/ml/apps/echo/', BOB);
    expect(bob.status).toBe(404);
    expect(bob.body).not.toContain('hello');
    await request(server).get(base).set(asUser(BOB)).expect(404);
    // Backend plugins (the catalog's mirror) read every project's apps, but change none.
    const asService = { Authorization: mockCredentials.service.header() };
    const listed = await request(server).get(base).set(asService).expect(200);
    expect(listed.body.items.map((a: { slug: string }) => a.slug)).toEqual([
      'echo',
    ]);
    await request(server).get(`${base}/${app.id}`).set(asService).expect(200);
    await request(server)
      .post(`${base}/${app.id}/stop`)
      .set(asService)
      .expect(403);
    await request(server)
      .post(`${base}/${app.id}/stop`)
      .set(asUser(BOB))
      .expect(404);
    expect((await visit('/api/ml/apps/nope/', ALICE)).status).toBe(404);

    // As a collaborator, Bob reads it; as a viewer he may not stop it.
    await request(server)
      .put(
        `/api/ml/projects/${projectId}/collaborators/${encodeURIComponent(
          BOB,
        )}`,
      )
      .set(asUser(ALICE))
      .send({ role: 'viewer' })
      .expect(200);
    const asBob = await visit('/api/ml/apps/echo/', BOB);
    expect(JSON.parse(asBob.body).headers['x-ml-user']).toBe(BOB);
    await request(server)
      .post(`${base}/${app.id}/stop`)
      .set(asUser(BOB))
      .expect(403);

    // The app's log is its workload's.
    const logs = await waitFor(async () => {
      const r = await request(server)
        .get(`/api/ml/workloads/${app.workloadId}/logs`)
        .set(asUser(ALICE));
      return r.body.lines?.length > 0 && r.body.lines;
    }, 'the app log');
    expect(logs[0]).toMatch(/^serving on \d+$/);
  });

  it('passes websockets through, with the user, and refuses them without one', async () => {
    await answering('echo');
    const { port } = server.address() as AddressInfo;
    const url = `ws://127.0.0.1:${port}/api/ml/apps/echo/ws`;
    const socket = new WebSocket(url, { headers: { cookie: cookieOf(ALICE) } });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const replies: string[] = [];
    const two = new Promise<void>(resolve =>
      socket.on('message', data => {
        replies.push(String(data));
        if (replies.length === 2) resolve();
      }),
    );
    socket.send('ping');
    socket.send('x'.repeat(300));
    await two;
    expect(replies).toEqual([
      `echo ping from ${ALICE}`,
      `echo ${'x'.repeat(300)} from ${ALICE}`,
    ]);
    socket.close();

    const refusedWith = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(url, { headers });
        ws.once('unexpected-response', (_req, res) => {
          resolve(res.statusCode!);
          res.resume();
        });
        ws.once('open', () => reject(new Error('the websocket opened')));
        ws.once('error', () => undefined);
      });
    expect(await refusedWith({})).toBe(401);
    expect(await refusedWith({ cookie: cookieOf(`${BOB}x`) })).toBe(404);
    // Another site's page cannot use the user's cookie for a websocket.
    expect(
      await refusedWith({
        cookie: cookieOf(ALICE),
        origin: 'https://evil.example',
      }),
    ).toBe(403);
  });

  it('never connects anywhere but the app replica', async () => {
    await answering('echo');
    let evilHits = 0;
    const evil = http.createServer((_req, res) => {
      evilHits += 1;
      res.end('evil');
    });
    const evilPort = await listen(evil);
    try {
      const attempts: Array<{
        path: string;
        headers?: Record<string, string>;
      }> = [
        {
          path: '/api/ml/apps/echo/',
          headers: { host: `127.0.0.1:${evilPort}` },
        },
        { path: `/api/ml/apps/echo//127.0.0.1:${evilPort}/x` },
        { path: `/api/ml/apps/echo/http://127.0.0.1:${evilPort}/x` },
        { path: `/api/ml/apps/echo/../../evil` },
        { path: `/api/ml/apps/echo/%2e%2e/%2e%2e/x` },
        {
          path: '/api/ml/apps/echo/',
          headers: {
            'x-forwarded-host': `127.0.0.1:${evilPort}`,
            forwarded: `host=127.0.0.1:${evilPort}`,
          },
        },
      ];
      for (const attempt of attempts) {
        const res = await rawRequest(server, {
          path: attempt.path,
          headers: { cookie: cookieOf(ALICE), ...attempt.headers },
        });
        // The app answered, with the path as sent after the slug (Python's
        // http.server itself folds leading slashes into one).
        expect([attempt.path, res.status, JSON.parse(res.body).app]).toEqual([
          attempt.path,
          200,
          'echo',
        ]);
        expect(JSON.parse(res.body).path).toBe(
          attempt.path.slice('/api/ml/apps/echo'.length).replace(/^\/+/, '/'),
        );
      }
      // An absolute-form request line is not routed to the plugin at all.
      const absolute = await visit(
        `http://127.0.0.1:${evilPort}/api/ml/apps/echo/`,
        ALICE,
      );
      expect(absolute.body).not.toBe('evil');
      // A slug that is not one cannot name another path.
      for (const path of [
        '/api/ml/apps/../projects',
        '/api/ml/apps/%2e%2e/x',
        `/api/ml/apps/127.0.0.1:${evilPort}/`,
      ]) {
        const res = await rawRequest(server, {
          path,
          headers: { cookie: cookieOf(ALICE) },
        });
        expect([path, res.status]).toEqual([path, 404]);
      }
      expect(evilHits).toBe(0);
    } finally {
      evil.close();
    }
  });

  it('keeps slugs unique across the portal, and stops, restarts and deletes apps', async () => {
    const other = await request(server)
      .post('/api/ml/projects')
      .set(asUser(ALICE))
      .send({ workspace: 'ws', name: 'other' })
      .expect(201);
    await request(server)
      .put(`/api/ml/projects/${other.body.id}/files/content?path=app.py`)
      .set(asUser(ALICE))
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from(ECHO_APP))
      .expect(200);
    const taken = await request(server)
      .post(`/api/ml/projects/${other.body.id}/applications`)
      .set(asUser(ALICE))
      .send(appBody('echo', { start: false }))
      .expect(409);
    expect(taken.body.error.message).toContain("slug 'echo' is taken");

    const second = await create(appBody('second', { start: false })).expect(
      201,
    );
    expect(second.body.state).toBe('stopped');
    await request(server)
      .patch(`${base}/${second.body.id}`)
      .set(asUser(ALICE))
      .send({ slug: 'echo' })
      .expect(409);
    const renamed = await request(server)
      .patch(`${base}/${second.body.id}`)
      .set(asUser(ALICE))
      .send({ slug: 'third', description: 'changed' })
      .expect(200);
    expect(renamed.body).toMatchObject({
      slug: 'third',
      description: 'changed',
      url: '/apps/third/',
    });

    const stopped = await visit('/api/ml/apps/third/', ALICE);
    expect(stopped.status).toBe(503);
    expect(stopped.body).toContain('is not running');

    const echo = (
      await request(server).get(base).set(asUser(ALICE)).expect(200)
    ).body.items.find((a: any) => a.slug === 'echo');
    const firstWorkload = echo.workloadId;
    // Starting a running app changes nothing.
    expect(
      (
        await request(server)
          .post(`${base}/${echo.id}/start`)
          .set(asUser(ALICE))
          .expect(200)
      ).body.workloadId,
    ).toBe(firstWorkload);
    const restarted = await request(server)
      .post(`${base}/${echo.id}/restart`)
      .set(asUser(ALICE))
      .expect(200);
    expect(restarted.body.workloadId).not.toBe(firstWorkload);
    expect(await workloadState(firstWorkload)).toBe('stopped');
    await running(echo.id);
    await answering('echo');

    const afterStop = await request(server)
      .post(`${base}/${echo.id}/stop`)
      .set(asUser(ALICE))
      .expect(200);
    expect(afterStop.body.state).toBe('stopped');
    const page = await visit('/api/ml/apps/echo/', ALICE);
    expect([page.status, page.headers['content-type']]).toEqual([
      503,
      expect.stringMatching(/^text\/html/),
    ]);

    await request(server)
      .post(`${base}/${echo.id}/start`)
      .set(asUser(ALICE))
      .expect(200);
    const workloadId = (await running(echo.id)).workloadId;
    await request(server)
      .delete(`${base}/${echo.id}`)
      .set(asUser(ALICE))
      .expect(204);
    expect(await workloadState(workloadId)).toBe('stopped');
    await request(server)
      .get(`${base}/${echo.id}`)
      .set(asUser(ALICE))
      .expect(404);
    expect((await visit('/api/ml/apps/echo/', ALICE)).status).toBe(404);
  });
});

describe('applications that bypass authentication', () => {
  const admin = asUser(ALICE);
  let backend: MlTestBackend;
  let server: http.Server;
  let runtimeId: string;
  let projectId: string;

  beforeAll(async () => {
    ({ backend, server, runtimeId, projectId } = await startAppBackend(
      databases,
      {
        config: { applications: { allowBypassAuthentication: true } },
        admin,
        project: 'open',
        app: ECHO_APP,
      },
    ));
  });

  afterAll(() => backend?.stop());

  it('are open to anyone when the portal allows it, still without a made-up user', async () => {
    expect(
      (
        await request(server)
          .get('/api/ml/applications/settings')
          .set(admin)
          .expect(200)
      ).body,
    ).toEqual({ allowBypassAuthentication: true });
    await request(server)
      .post(`/api/ml/projects/${projectId}/applications`)
      .set(admin)
      .send({
        name: 'Open',
        slug: 'open',
        script: 'app.py',
        runtimeId,
        profile: 'small',
        bypassAuthentication: true,
      })
      .expect(201);

    const res = await waitFor(async () => {
      const r = await rawRequest(server, {
        path: '/api/ml/apps/open/',
        headers: { 'x-ml-user': 'user:default/admin' },
      });
      return r.status === 200 && r;
    }, 'the open app to answer');
    expect(JSON.parse(res.body).headers['x-ml-user']).toBeUndefined();
    // A signed-in user is still named.
    const named = await rawRequest(server, {
      path: '/api/ml/apps/open/',
      headers: { cookie: cookieOf(BOB) },
    });
    expect(JSON.parse(named.body).headers['x-ml-user']).toBe(BOB);
  });
});
