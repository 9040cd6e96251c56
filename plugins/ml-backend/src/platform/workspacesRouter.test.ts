import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  MlTestBackend,
  STANDARD_NODE_GROUP,
  startMlBackend,
} from '../__testUtils__/startMlBackend';
import { createWorkspace, namesListedAt } from '../__testUtils__/apiFixtures';
import { sendWithSnapshots } from '../__testUtils__/sendWithSnapshots';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'workspaces API (%s)',
  databaseId => {
    let backend: MlTestBackend;

    beforeAll(async () => {
      backend = await startMlBackend(databases, databaseId);
      await createWorkspace(backend.server, 'ws', { fields: { title: 'WS' } });
      await request(backend.server)
        .post('/api/ml/workspaces/ws/profiles')
        .send({ name: 'small', cpu: '500m', memoryMiB: '1Gi' })
        .expect(201);
    });

    afterAll(() => backend.stop());

    it('creates, reads, lists, sorts and pages workspaces', async () => {
      const { server } = backend;
      for (const name of ['alpha', 'beta', 'gamma']) {
        await createWorkspace(server, name);
      }
      const ws = await request(server)
        .get('/api/ml/workspaces/alpha')
        .expect(200);
      expect(ws.body).toMatchObject({
        name: 'alpha',
        title: 'alpha',
        owner: 'user:default/mock',
        driver: 'local',
        defaultUserQuota: { cpu: 2, memoryMiB: 8192, gpu: 0 },
        nodeGroups: [
          { name: 'standard', cpu: 4, gpu: 0, scaleUpDelaySeconds: 30 },
        ],
      });

      const first = await request(server)
        .get('/api/ml/workspaces?sort=-name&page_size=2')
        .expect(200);
      expect(first.body.items.map((w: any) => w.name)).toEqual(['ws', 'gamma']);
      expect(first.body.total_size).toBe(4);
      const second = await request(server)
        .get(
          `/api/ml/workspaces?sort=-name&page_size=2&page_token=${first.body.next_page_token}`,
        )
        .expect(200);
      expect(second.body.items.map((w: any) => w.name)).toEqual([
        'beta',
        'alpha',
      ]);
      expect(second.body.next_page_token).toBeUndefined();

      expect(
        await namesListedAt(server, '/api/ml/workspaces?filter=AMM'),
      ).toEqual(['gamma']);

      for (const name of ['alpha', 'beta', 'gamma']) {
        await request(server).delete(`/api/ml/workspaces/${name}`).expect(204);
      }
      await request(server).get('/api/ml/workspaces/alpha').expect(404);
    });

    it('reports capacity from node groups', async () => {
      const res = await request(backend.server)
        .get('/api/ml/workspaces/ws/capacity')
        .expect(200);
      expect(res.body).toEqual({
        current: { cpu: 4, memoryMiB: 16384, gpu: 0 },
        maximum: { cpu: 12, memoryMiB: 49152, gpu: 0 },
        used: { cpu: 0, memoryMiB: 0, gpu: 0 },
        largestNode: { cpu: 4, memoryMiB: 16384, gpu: 0 },
      });
    });

    it('manages profiles and refuses one that fits no node', async () => {
      const { server } = backend;
      const created = await request(server)
        .post('/api/ml/workspaces/ws/profiles')
        .send({ name: 'medium', cpu: 2, memoryMiB: 4096 })
        .expect(201);
      expect(created.body).toMatchObject({
        workspace: 'ws',
        name: 'medium',
        cpu: 2,
        gpu: 0,
      });

      const tooBig = await request(server)
        .post('/api/ml/workspaces/ws/profiles')
        .send({ name: 'huge', cpu: 16, memoryMiB: 4096 })
        .expect(400);
      expect(tooBig.body.error.message).toContain(
        'fits no node of this workspace',
      );

      expect(
        (
          await request(server)
            .patch('/api/ml/workspaces/ws/profiles/medium')
            .send({ cpu: 3 })
            .expect(200)
        ).body.cpu,
      ).toBe(3);
      await request(server)
        .patch('/api/ml/workspaces/ws/profiles/medium')
        .send({ gpu: 1 })
        .expect(400);
      const shrink = await request(server)
        .patch('/api/ml/workspaces/ws')
        .send({ nodeGroups: [{ ...STANDARD_NODE_GROUP, cpu: 2 }] })
        .expect(400);
      expect(shrink.body.error.message).toContain(
        "'medium' would no longer fit",
      );

      expect(
        await namesListedAt(
          server,
          '/api/ml/workspaces/ws/profiles?sort=cpu_millis',
        ),
      ).toEqual(['small', 'medium']);
      await request(server)
        .delete('/api/ml/workspaces/ws/profiles/medium')
        .expect(204);
      await request(server)
        .delete('/api/ml/workspaces/ws/profiles/medium')
        .expect(404);
    });

    it('manages quotas per user and team, one per subject', async () => {
      const { server } = backend;
      const team = await request(server)
        .post('/api/ml/workspaces/ws/quotas')
        .send({
          subject: 'group:default/ml-research',
          cpu: 8,
          memoryMiB: '32Gi',
        })
        .expect(201);
      expect(team.body).toMatchObject({ cpu: 8, memoryMiB: 32768, gpu: 0 });
      await request(server)
        .post('/api/ml/workspaces/ws/quotas')
        .send({ subject: 'group:default/ml-research', cpu: 1, memoryMiB: 1 })
        .expect(409);
      expect(
        (
          await request(server)
            .patch(`/api/ml/workspaces/ws/quotas/${team.body.id}`)
            .send({ cpu: 6 })
            .expect(200)
        ).body.cpu,
      ).toBe(6);
      expect(
        (
          await request(server)
            .patch('/api/ml/workspaces/ws')
            .send({ defaultUserQuota: { cpu: 1, memoryMiB: 4096 } })
            .expect(200)
        ).body.defaultUserQuota,
      ).toEqual({ cpu: 1, memoryMiB: 4096, gpu: 0 });
      await request(server)
        .delete(`/api/ml/workspaces/ws/quotas/${team.body.id}`)
        .expect(204);
    });

    it('refuses to delete a workspace that has projects', async () => {
      const { server } = backend;
      const project = await request(server)
        .post('/api/ml/projects')
        .send({ workspace: 'ws', name: 'keeps-it' })
        .expect(201);
      const res = await request(server)
        .delete('/api/ml/workspaces/ws')
        .expect(409);
      expect(res.body.error.message).toBe(
        "Workspace 'ws' still has 1 project; delete or move them first",
      );
      await request(server)
        .delete(`/api/ml/projects/${project.body.id}`)
        .expect(204);
    });

    const huge = 'x'.repeat(2 * 1024 * 1024);
    it.each([
      [
        'POST',
        '/api/ml/workspaces',
        { name: 'Bad Name', nodeGroups: [STANDARD_NODE_GROUP] },
        400,
        'name:',
      ],
      [
        'POST',
        '/api/ml/workspaces',
        { name: 'nogroups', nodeGroups: [] },
        400,
        'at least one node group',
      ],
      [
        'POST',
        '/api/ml/workspaces',
        { name: 'w2', nodeGroups: [{ ...STANDARD_NODE_GROUP, minNodes: 5 }] },
        400,
        'nodeGroups[0].maxNodes',
      ],
      [
        'POST',
        '/api/ml/workspaces',
        { name: 'w2', nodeGroups: [{ ...STANDARD_NODE_GROUP, cpu: 'lots' }] },
        400,
        'nodeGroups[0].cpu',
      ],
      [
        'POST',
        '/api/ml/workspaces',
        { name: 'w2', nodeGroups: 'none' },
        400,
        'nodeGroups',
      ],
      [
        'POST',
        '/api/ml/workspaces',
        { name: 'w2', driver: 'kubernetes', nodeGroups: [STANDARD_NODE_GROUP] },
        400,
        "driver: 'kubernetes' is not installed",
      ],
      [
        'POST',
        '/api/ml/workspaces',
        { name: 'w2', owner: 'jane', nodeGroups: [STANDARD_NODE_GROUP] },
        400,
        'owner:',
      ],
      [
        'POST',
        '/api/ml/workspaces',
        { name: 'w2', unknown: 1, nodeGroups: [STANDARD_NODE_GROUP] },
        400,
        'unknown',
      ],
      [
        'POST',
        '/api/ml/workspaces',
        { name: 'ws', nodeGroups: [STANDARD_NODE_GROUP] },
        409,
        'already exists',
      ],
      [
        'POST',
        '/api/ml/workspaces',
        { name: 'w2', title: huge, nodeGroups: [STANDARD_NODE_GROUP] },
        413,
        '',
      ],
      [
        'POST',
        '/api/ml/workspaces',
        {
          name: 'w2',
          description: 'y'.repeat(5000),
          nodeGroups: [STANDARD_NODE_GROUP],
        },
        400,
        'description:',
      ],
      ['POST', '/api/ml/workspaces', undefined, 400, 'Invalid request body'],
      ['PATCH', '/api/ml/workspaces/ws', { name: 'renamed' }, 400, 'name'],
      [
        'PATCH',
        '/api/ml/workspaces/ws',
        { env: { 'BAD-NAME': 'x' } },
        400,
        'env',
      ],
      [
        'PATCH',
        '/api/ml/workspaces/nope',
        { title: 'x' },
        404,
        "No workspace named 'nope'",
      ],
      [
        'DELETE',
        '/api/ml/workspaces/nope',
        undefined,
        404,
        "No workspace named 'nope'",
      ],
      ['GET', '/api/ml/workspaces?page_size=0', undefined, 400, 'page_size'],
      ['GET', '/api/ml/workspaces?page_size=abc', undefined, 400, 'page_size'],
      [
        'GET',
        '/api/ml/workspaces?sort=-secret',
        undefined,
        400,
        "cannot sort by 'secret'",
      ],
      [
        'GET',
        '/api/ml/workspaces?page_token=garbage',
        undefined,
        400,
        'page_token',
      ],
      ['GET', '/api/ml/workspaces?bogus=1', undefined, 400, 'bogus'],
      ['GET', '/api/ml/workspaces/Not_A_Name', undefined, 400, 'workspace:'],
      [
        'POST',
        '/api/ml/workspaces/ws/profiles',
        { name: 'p', cpu: -1, memoryMiB: 1 },
        400,
        'cpu',
      ],
      [
        'POST',
        '/api/ml/workspaces/ws/profiles',
        { name: 'p', cpu: 1 },
        400,
        'memoryMiB',
      ],
      [
        'POST',
        '/api/ml/workspaces/ws/profiles',
        { name: 'small', cpu: 1, memoryMiB: 1 },
        409,
        'already exists',
      ],
      [
        'POST',
        '/api/ml/workspaces/nope/profiles',
        { name: 'p', cpu: 1, memoryMiB: 1 },
        404,
        "No workspace named 'nope'",
      ],
      [
        'PATCH',
        '/api/ml/workspaces/ws/profiles/small',
        { gpu: 1.5 },
        400,
        'gpu',
      ],
      [
        'PATCH',
        '/api/ml/workspaces/ws/profiles/none',
        { cpu: 1 },
        404,
        "No resource profile named 'none'",
      ],
      [
        'POST',
        '/api/ml/workspaces/ws/quotas',
        { subject: 'someone', cpu: 1, memoryMiB: 1 },
        400,
        'subject',
      ],
      [
        'POST',
        '/api/ml/workspaces/ws/quotas',
        { subject: 'user:default/a', cpu: 'x', memoryMiB: 1 },
        400,
        'cpu',
      ],
      [
        'PATCH',
        '/api/ml/workspaces/ws/quotas/not-a-uuid',
        { cpu: 1 },
        400,
        'quotaId',
      ],
      [
        'DELETE',
        '/api/ml/workspaces/ws/quotas/3b241101-e2bb-4255-8caf-4136c566a962',
        undefined,
        404,
        'No quota',
      ],
    ] as const)(
      '%s %s (%#) answers the right 4xx and changes nothing',
      async (method, url, body, status, message) => {
        const { res, before, after } = await sendWithSnapshots(backend, () => {
          const req = request(backend.server)[method.toLowerCase() as 'get'](
            url,
          );
          return body === undefined ? req : req.send(body as object);
        });
        expect(res.status).toBe(status);
        expect(res.body.error.message).toContain(message);
        expect(after).toEqual(before);
      },
    );

    it('answers invalid JSON with 400', async () => {
      const res = await request(backend.server)
        .post('/api/ml/workspaces')
        .set('Content-Type', 'application/json')
        .send('{"name": ');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBeTruthy();
    });
  },
);

describe('workspaces API without the manage permission', () => {
  it('refuses admin changes with 403 but still lets people read', async () => {
    const backend = await startMlBackend(databases, 'SQLITE_3', {
      config: { seed: { demo: true } },
      features: [
        mockServices.permissions.mock({
          authorize: async reqs =>
            reqs.map(() => ({ result: AuthorizeResult.DENY })),
        }).factory,
      ],
    });
    const res = await request(backend.server)
      .post('/api/ml/workspaces')
      .send({ name: 'w3', nodeGroups: [STANDARD_NODE_GROUP] })
      .expect(403);
    expect(res.body.error.message).toContain(
      "'ml.workspace.manage' permission",
    );
    await request(backend.server).get('/api/ml/workspaces').expect(200);
    await request(backend.server)
      .post('/api/ml/projects')
      .send({ workspace: 'demo', name: 'p' })
      .expect(403);
    await backend.stop();
  });
});
