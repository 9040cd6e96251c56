import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { MlTestBackend, startMlBackend } from '../__testUtils__/startMlBackend';
import {
  createProject,
  createWorkspace,
  namesListedAt,
} from '../__testUtils__/apiFixtures';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('projects API (%s)', databaseId => {
  let backend: MlTestBackend;
  let projectId: string;

  beforeAll(async () => {
    backend = await startMlBackend(databases, databaseId);
    await createWorkspace(backend.server);
    projectId = await createProject(backend.server, 'churn', {
      fields: { title: 'Churn model', env: { A: '1' } },
    });
  });

  afterAll(() => backend.stop());

  it('creates a project owned by the caller with a README', async () => {
    const { server } = backend;
    const res = await request(server)
      .get(`/api/ml/projects/${projectId}`)
      .expect(200);
    expect(res.body).toMatchObject({
      workspace: 'ws',
      name: 'churn',
      title: 'Churn model',
      owner: 'user:default/mock',
      createdBy: 'user:default/mock',
      visibility: 'private',
      env: { A: '1' },
    });
    const files = await request(server)
      .get(`/api/ml/projects/${projectId}/files`)
      .expect(200);
    expect(files.body.items.map((f: any) => f.path)).toEqual(['README.md']);
  });

  it('lists with a workspace filter, search and sort', async () => {
    const { server } = backend;
    const other = await request(server)
      .post('/api/ml/projects')
      .send({
        workspace: 'ws',
        name: 'fraud',
        owner: 'group:default/risk',
        visibility: 'team',
      })
      .expect(201);
    expect(
      await namesListedAt(server, '/api/ml/projects?owner=group:default/risk'),
    ).toEqual(['fraud']);
    expect(
      await namesListedAt(server, '/api/ml/projects?workspace=ws&sort=-name'),
    ).toEqual(['fraud', 'churn']);
    expect(
      await namesListedAt(server, '/api/ml/projects?filter=churn%20MODEL'),
    ).toEqual(['churn']);
    const none = await request(server)
      .get('/api/ml/projects?filter=100%25')
      .expect(200);
    expect(none.body.items).toEqual([]);
    await request(server)
      .delete(`/api/ml/projects/${other.body.id}`)
      .expect(204);
    await request(server).get(`/api/ml/projects/${other.body.id}`).expect(404);
  });

  it('updates env and settings', async () => {
    const res = await request(backend.server)
      .patch(`/api/ml/projects/${projectId}`)
      .send({
        env: { B: 'two' },
        visibility: 'public',
        description: 'Predicts churn',
      })
      .expect(200);
    expect(res.body).toMatchObject({
      env: { B: 'two' },
      visibility: 'public',
      description: 'Predicts churn',
    });
  });

  it('stores and lists collaborators with roles', async () => {
    const { server } = backend;
    const base = `/api/ml/projects/${projectId}/collaborators`;
    const jane = encodeURIComponent('user:default/jane');
    await request(server)
      .put(`${base}/${jane}`)
      .send({ role: 'viewer' })
      .expect(200);
    await request(server)
      .put(`${base}/${jane}`)
      .send({ role: 'contributor' })
      .expect(200);
    await request(server)
      .put(`${base}/${encodeURIComponent('group:default/team-a')}`)
      .send({ role: 'admin' })
      .expect(200);
    const list = await request(server).get(base).expect(200);
    expect(list.body.items.map((c: any) => [c.subject, c.role])).toEqual([
      ['group:default/team-a', 'admin'],
      ['user:default/jane', 'contributor'],
    ]);
    await request(server).delete(`${base}/${jane}`).expect(204);
    await request(server).delete(`${base}/${jane}`).expect(404);
  });

  const unknownId = '3b241101-e2bb-4255-8caf-4136c566a962';
  it.each([
    [
      'bad name',
      'POST',
      '/api/ml/projects',
      { workspace: 'ws', name: 'Has Space' },
      400,
      'name:',
    ],
    [
      'too long name',
      'POST',
      '/api/ml/projects',
      { workspace: 'ws', name: 'a'.repeat(64) },
      400,
      'at most 63',
    ],
    [
      'missing workspace',
      'POST',
      '/api/ml/projects',
      { name: 'p1' },
      400,
      'workspace',
    ],
    [
      'unknown workspace',
      'POST',
      '/api/ml/projects',
      { workspace: 'nope', name: 'p1' },
      404,
      "No workspace named 'nope'",
    ],
    [
      'duplicate',
      'POST',
      '/api/ml/projects',
      { workspace: 'ws', name: 'churn' },
      409,
      'already exists',
    ],
    [
      'bad visibility',
      'POST',
      '/api/ml/projects',
      { workspace: 'ws', name: 'p1', visibility: 'secret' },
      400,
      'visibility',
    ],
    [
      'bad owner',
      'POST',
      '/api/ml/projects',
      { workspace: 'ws', name: 'p1', owner: 'user:jane' },
      400,
      'owner',
    ],
    [
      'env not strings',
      'POST',
      '/api/ml/projects',
      { workspace: 'ws', name: 'p1', env: { A: 1 } },
      400,
      'env.A',
    ],
    [
      'array body',
      'POST',
      '/api/ml/projects',
      [1, 2],
      400,
      'Invalid request body',
    ],
    ['bad id', 'GET', '/api/ml/projects/123', undefined, 400, 'projectId'],
    [
      'unknown id',
      'GET',
      `/api/ml/projects/${unknownId}`,
      undefined,
      404,
      'No project',
    ],
    [
      'patch unknown field',
      'PATCH',
      'SELF',
      { workspace: 'other' },
      400,
      'workspace',
    ],
    ['patch empty title', 'PATCH', 'SELF', { title: '  ' }, 400, 'title'],
    [
      'unknown project delete',
      'DELETE',
      `/api/ml/projects/${unknownId}`,
      undefined,
      404,
      'No project',
    ],
    [
      'bad role',
      'PUT',
      'SELF/collaborators/user%3Adefault%2Fjane',
      { role: 'owner' },
      400,
      'role',
    ],
    [
      'bad subject',
      'PUT',
      'SELF/collaborators/jane',
      { role: 'viewer' },
      400,
      'subject',
    ],
    [
      'bad list query',
      'GET',
      '/api/ml/projects?workspace=NOT%20OK',
      undefined,
      400,
      'workspace',
    ],
    // PostgreSQL cannot store (or compare) text with NUL: these were 500s there.
    [
      'NUL in a field',
      'PATCH',
      'SELF',
      { description: 'a\u0000b' },
      400,
      'description: must not contain the NUL character',
    ],
    [
      'NUL in a nested field',
      'POST',
      '/api/ml/projects',
      { workspace: 'ws', name: 'p1', env: { A: '\u0000' } },
      400,
      'env.A: must not',
    ],
    [
      'NUL in a filter',
      'GET',
      '/api/ml/projects?filter=a%00',
      undefined,
      400,
      'filter: must not contain the NUL character',
    ],
  ] as const)(
    'refuses %s with the right 4xx and changes nothing',
    async (_label, method, url, body, status, message) => {
      const before = await backend.snapshot();
      let req = request(backend.server)[method.toLowerCase() as 'get'](
        url.replace('SELF', `/api/ml/projects/${projectId}`),
      );
      if (body !== undefined) req = req.send(body as object);
      const res = await req;
      expect(res.status).toBe(status);
      expect(res.body.error.message).toContain(message);
      expect(await backend.snapshot()).toEqual(before);
    },
  );
});
