import { mockCredentials } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { MlTestBackend } from '../__testUtils__/startMlBackend';
import { waitFor } from '../__testUtils__/waitFor';
import { rawRequest } from '../__testUtils__/rawRequest';
import request from 'supertest';
import { COOKIE_APP } from './__testUtils__/testApps';
import { startAppBackend } from './__testUtils__/appBackend';

jest.setTimeout(90_000);
const databases = createTestDatabases();

const ALICE = 'user:default/alice';
const cookie = mockCredentials.limitedUser.cookie(ALICE);

/** A raw request with Alice's cookie (supertest adds headers of its own). */
function send(
  server: http.Server,
  options: { path: string; method?: string; headers?: Record<string, string> },
) {
  const body = options.method && options.method !== 'GET' ? '{}' : undefined;
  return rawRequest(server, {
    ...options,
    headers: {
      cookie,
      ...(body ? { 'content-length': String(body.length) } : {}),
      ...options.headers,
    },
    body,
  });
}

/**
 * What an app may do to the portal through the proxy: it cannot set or
 * clear the portal's cookies, its own stay under its path, and pages of
 * other sites cannot make the user's browser change things in it.
 */
describe('the application proxy keeps apps apart from the portal', () => {
  let backend: MlTestBackend;
  let server: http.Server;

  beforeAll(async () => {
    const admin = { Authorization: mockCredentials.user.header(ALICE) };
    const started = await startAppBackend(databases, {
      admin,
      project: 'shop',
      app: COOKIE_APP,
    });
    ({ backend, server } = started);
    const { runtimeId, projectId } = started;
    const app = await request(server)
      .post(`/api/ml/projects/${projectId}/applications`)
      .set(admin)
      .send({
        name: 'Shop',
        slug: 'shop',
        script: 'app.py',
        runtimeId,
        profile: 'small',
      })
      .expect(201);
    await request(server)
      .post(`/api/ml/projects/${projectId}/applications/${app.body.id}/start`)
      .set(admin);
    await waitFor(async () => {
      const res = await send(server, { path: '/api/ml/apps/shop/' });
      return res.status === 200;
    }, 'the app to answer');
  });

  afterAll(() => backend?.stop());

  it("drops the app's Set-Cookie for the portal's cookies, and scopes the rest to the app", async () => {
    const res = await send(server, { path: '/api/ml/apps/shop/cookies' });
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toEqual([
      'theme=dark; Path=/api/ml/apps/shop/; SameSite=Lax',
      'cart=3; Path=/api/ml/apps/shop/checkout',
      'mine=1; Path=/api/ml/apps/shop/x',
    ]);
  });

  it('does not pass the portal cookies on to the app', async () => {
    const res = await send(server, {
      path: '/api/ml/apps/shop/',
      headers: {
        cookie: `${cookie}; github-refresh-token=secret; github-refresh-token-1=more; theme=dark`,
      },
    });
    expect(JSON.parse(res.body).cookie).toBe('theme=dark');
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'refuses a cross-site %s with 403, before the app sees it',
    async method => {
      const bySecFetch = await send(server, {
        path: '/api/ml/apps/shop/orders',
        method,
        headers: {
          'sec-fetch-site': 'cross-site',
          origin: 'https://evil.example',
        },
      });
      expect(bySecFetch.status).toBe(403);
      expect(bySecFetch.body).toContain(
        `A page of another site may not send this application a ${method}`,
      );
      const byOrigin = await send(server, {
        path: '/api/ml/apps/shop/orders',
        method,
        headers: { origin: 'https://evil.example' },
      });
      expect(byOrigin.status).toBe(403);
      expect(byOrigin.body).toContain(
        'comes from origin &#39;https://evil.example&#39;',
      );
    },
  );

  it('lets same-origin pages, plain reads and non-browser clients through', async () => {
    const { port } = server.address() as AddressInfo;
    const sameOrigin = await send(server, {
      path: '/api/ml/apps/shop/orders',
      method: 'POST',
      headers: {
        'sec-fetch-site': 'same-origin',
        origin: `http://127.0.0.1:${port}`,
      },
    });
    expect([sameOrigin.status, JSON.parse(sameOrigin.body).method]).toEqual([
      200,
      'POST',
    ]);
    const oldBrowser = await send(server, {
      path: '/api/ml/apps/shop/orders',
      method: 'DELETE',
      headers: { origin: `http://127.0.0.1:${port}` },
    });
    expect(oldBrowser.status).toBe(200);
    const script = await send(server, {
      path: '/api/ml/apps/shop/orders',
      method: 'PATCH',
    });
    expect(script.status).toBe(200);
    // A link from another site may open the app; it changes nothing.
    const link = await send(server, {
      path: '/api/ml/apps/shop/',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(link.status).toBe(200);
  });
});
