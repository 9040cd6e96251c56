import request from 'supertest';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { MlTestBackend, startMlBackend } from './__testUtils__/startMlBackend';
import { waitFor } from './__testUtils__/waitFor';
import { namesListedAt } from './__testUtils__/apiFixtures';
import { PYTHON_RUNTIME } from './__testUtils__/storeRows';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe('mlPlugin', () => {
  let backend: MlTestBackend;

  beforeAll(async () => {
    backend = await startMlBackend(databases, 'SQLITE_3', {
      config: {
        seed: { demo: true },
        runtimes: [{ ...PYTHON_RUNTIME, shortVersion: '2026.11' }],
      },
    });
  });

  afterAll(() => backend.stop());

  it('seeds the demo workspace, profiles, runtime and project', async () => {
    const { server } = backend;
    const workspaces = await request(server)
      .get('/api/ml/workspaces')
      .expect(200);
    expect(workspaces.body.items).toEqual([
      expect.objectContaining({
        name: 'demo',
        title: 'Demo workspace',
        driver: 'local',
      }),
    ]);
    expect(
      await namesListedAt(
        server,
        '/api/ml/workspaces/demo/profiles?sort=cpu_millis',
      ),
    ).toEqual(['small', 'medium', 'large']);
    const runtimes = await request(server).get('/api/ml/runtimes').expect(200);
    expect(runtimes.body.items[0]).toMatchObject({
      command: 'python3',
      enabled: true,
    });
    const projects = await request(server)
      .get('/api/ml/projects?workspace=demo')
      .expect(200);
    expect(projects.body.items).toEqual([
      expect.objectContaining({ name: 'demo-project' }),
    ]);
    const files = await request(server)
      .get(`/api/ml/projects/${projects.body.items[0].id}/files`)
      .expect(200);
    expect(files.body.items.map((f: any) => f.path)).toEqual([
      'analysis.py',
      'model.py',
      'README.md',
    ]);
  });

  it('seeds a demo model that is built and deployed with one replica without start-up waiting for it', async () => {
    const { server } = backend;
    const project = (
      await request(server).get('/api/ml/projects?workspace=demo').expect(200)
    ).body.items[0];
    const models = await request(server)
      .get(`/api/ml/projects/${project.id}/models`)
      .expect(200);
    expect(models.body.items).toEqual([
      expect.objectContaining({
        name: 'demo-model',
        disableAuthentication: true,
      }),
    ]);
    const base = `/api/ml/projects/${project.id}/models/demo-model`;
    const deployment = await waitFor(
      async () => {
        const res = await request(server)
          .get(`${base}/deployments`)
          .expect(200);
        return res.body.items[0]?.state === 'deployed' && res.body.items[0];
      },
      'the demo model to be deployed',
      45_000,
    );
    expect(deployment).toMatchObject({
      replicas: 1,
      profile: 'small',
      buildNumber: 1,
    });
    const builds = await request(server).get(`${base}/builds`).expect(200);
    expect(builds.body.items).toEqual([
      expect.objectContaining({
        state: 'built',
        examples: [{ request: { a: 1, b: 2 }, response: { sum: 3 } }],
      }),
    ]);
  });

  it('serves its OpenAPI document without a token', async () => {
    const res = await request(backend.server)
      .get('/api/ml/openapi.json')
      .expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/workspaces',
        '/runtimes',
        '/projects',
        '/projects/{projectId}/files',
      ]),
    );
  });
});
