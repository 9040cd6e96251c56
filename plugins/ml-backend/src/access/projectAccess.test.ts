import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  MlTestBackend,
  STANDARD_NODE_GROUP,
  startMlBackend,
} from '../__testUtils__/startMlBackend';
import { policyServiceFactories } from '../__testUtils__/testPolicy';
import { PYTHON_RUNTIME } from '../__testUtils__/apiFixtures';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const ALICE = 'user:default/alice';
const CAROL = 'user:default/carol';
const BOB = 'user:default/bob';
const WANDA = 'user:default/wanda';
const DATA_SCIENCE = 'group:default/data-science';
const RESEARCH = 'group:default/ml-research';
const MEMBERSHIPS = {
  [ALICE]: [DATA_SCIENCE],
  [CAROL]: [DATA_SCIENCE],
  [BOB]: [RESEARCH],
};

const user = (ref: string, groups: string[]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: ref.split('/')[1], namespace: 'default' },
  spec: { memberOf: groups },
  relations: groups.map(targetRef => ({ type: 'memberOf', targetRef })),
});

/** CML's project semantics under the default policy: teams, visibility, ownership. */
describe.each(databases.eachSupportedId())(
  'project access (%s)',
  databaseId => {
    let backend: MlTestBackend;
    const as = (ref: string) => ({
      Authorization: mockCredentials.user.header(ref),
    });
    const api = (
      method: 'get' | 'post' | 'put' | 'patch' | 'delete',
      path: string,
      ref: string,
    ) => request(backend.server)[method](`/api/ml${path}`).set(as(ref));
    let runtimeId: string;
    /** Makes `subject` a collaborator of a project with `role`, as `ref`. */
    const giveRole = (
      projectId: string,
      subject: string,
      role: string,
      ref: string,
    ) =>
      api(
        'put',
        `/projects/${projectId}/collaborators/${encodeURIComponent(subject)}`,
        ref,
      ).send({ role });
    /** Writes x.py of a project as `ref`. */
    const writeX = (projectId: string, ref: string) =>
      api('put', `/projects/${projectId}/files/content?path=x.py`, ref).send(
        'print(1)',
      );
    /** Writes train.py into a project and creates job `train` running it. */
    const createTrainJob = async (projectId: string, ref: string) => {
      await api(
        'put',
        `/projects/${projectId}/files/content?path=train.py`,
        ref,
      )
        .send('print(1)')
        .expect(200);
      const res = await api('post', `/projects/${projectId}/jobs`, ref)
        .send({
          name: 'train',
          script: 'train.py',
          runtimeId,
          profile: 'small',
        })
        .expect(201);
      return res.body;
    };

    beforeAll(async () => {
      backend = await startMlBackend(databases, databaseId, {
        config: {
          engine: { reconcileIntervalSeconds: 3600, cronIntervalSeconds: 3600 },
          runtimes: [PYTHON_RUNTIME],
        },
        features: [
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          ...policyServiceFactories({
            memberships: MEMBERSHIPS,
            admins: [WANDA],
          }),
          catalogServiceMock.factory({
            entities: [
              user(ALICE, [DATA_SCIENCE]),
              user(CAROL, [DATA_SCIENCE]),
              user(BOB, [RESEARCH]),
            ],
          }),
        ],
      });
      // No node until an hour-long scale-up: job runs wait, nothing starts.
      await api('post', '/workspaces', WANDA)
        .send({
          name: 'ws',
          nodeGroups: [
            { ...STANDARD_NODE_GROUP, minNodes: 0, scaleUpDelaySeconds: 3600 },
          ],
        })
        .expect(201);
      await api('post', '/workspaces/ws/profiles', WANDA)
        .send({ name: 'small', cpu: 0.5, memoryMiB: 512 })
        .expect(201);
      runtimeId = (await api('get', '/runtimes', WANDA).expect(200)).body
        .items[0].id;
    });

    afterAll(() => backend?.stop());

    const names = async (ref: string) =>
      (await api('get', '/projects?page_size=500', ref).expect(200)).body.items
        .map((p: { name: string }) => p.name)
        .sort();

    it('gives the projects to their creator or to a group of theirs, and refuses anyone else', async () => {
      const mine = await api('post', '/projects', ALICE)
        .send({ workspace: 'ws', name: 'mine' })
        .expect(201);
      expect(mine.body).toMatchObject({
        owner: ALICE,
        visibility: 'private',
        teamRole: 'contributor',
      });
      await api('post', '/projects', ALICE)
        .send({ workspace: 'ws', name: 'ours', owner: DATA_SCIENCE })
        .expect(201);

      const before = await backend.snapshot();
      const refused = await api('post', '/projects', ALICE)
        .send({ workspace: 'ws', name: 'theirs', owner: RESEARCH })
        .expect(403);
      expect(refused.body.error.message).toContain(`'${RESEARCH}' is neither`);
      await api('post', '/projects', ALICE)
        .send({ workspace: 'ws', name: 'bobs', owner: BOB })
        .expect(403);
      expect(await backend.snapshot()).toEqual(before);

      // Workspace admins may create work for anyone.
      await api('post', '/projects', WANDA)
        .send({ workspace: 'ws', name: 'for-bob', owner: BOB })
        .expect(201);
    });

    it('keeps private projects to their owner and collaborators, as if they did not exist', async () => {
      const { body: project } = await api('post', '/projects', ALICE)
        .send({
          workspace: 'ws',
          name: 'secret',
          env: { DB_PASSWORD: 'hunter2' },
        })
        .expect(201);
      expect(await names(BOB)).not.toContain('secret');
      expect(await names(CAROL)).not.toContain('secret');
      const missing = await api('get', `/projects/${project.id}`, BOB).expect(
        404,
      );
      expect(JSON.stringify(missing.body)).not.toContain('hunter2');
      await api('get', `/projects/${project.id}/files`, BOB).expect(404);

      // A viewer may read, and may neither make themselves admin nor open the project up.
      await giveRole(project.id, BOB, 'viewer', ALICE).expect(200);
      expect(await names(BOB)).toContain('secret');
      await api('get', `/projects/${project.id}/files`, BOB).expect(200);
      const before = await backend.snapshot();
      await giveRole(project.id, BOB, 'admin', BOB).expect(403);
      await api('patch', `/projects/${project.id}`, BOB)
        .send({ visibility: 'public' })
        .expect(403);
      await writeX(project.id, BOB).expect(403);
      const refusal = await api(
        'delete',
        `/projects/${project.id}`,
        BOB,
      ).expect(403);
      expect(refusal.body.error.message).toBe(
        "This needs the admin role on project 'secret' (permission ml.project.admin), which you do not have",
      );
      expect(await backend.snapshot()).toEqual(before);
    });

    it('gives members of an owning group the team role', async () => {
      const { body: project } = await api('post', '/projects', ALICE)
        .send({
          workspace: 'ws',
          name: 'team-ops',
          owner: DATA_SCIENCE,
          teamRole: 'operator',
        })
        .expect(201);
      const job = await createTrainJob(project.id, ALICE);

      // Carol is in the team: an operator runs jobs, but may not change files or jobs.
      expect(await names(CAROL)).toContain('team-ops');
      await api('post', `/projects/${project.id}/jobs/${job.id}/runs`, CAROL)
        .send({})
        .expect(201);
      await writeX(project.id, CAROL).expect(403);
      await api('patch', `/projects/${project.id}/jobs/${job.id}`, CAROL)
        .send({ script: 'x.py' })
        .expect(403);
      // Bob is not.
      await api('get', `/projects/${project.id}`, BOB).expect(404);

      // Its creator stays its admin (a collaborator); the team's operators may not change the team role.
      const collaborators = await api(
        'get',
        `/projects/${project.id}/collaborators`,
        CAROL,
      ).expect(200);
      expect(collaborators.body.items).toEqual([
        expect.objectContaining({ subject: ALICE, role: 'admin' }),
      ]);
      await api('patch', `/projects/${project.id}`, CAROL)
        .send({ teamRole: 'admin' })
        .expect(403);
      await api('patch', `/projects/${project.id}`, ALICE)
        .send({ teamRole: 'contributor' })
        .expect(200);
      await writeX(project.id, CAROL).expect(200);
    });

    it("lets a team-visible project be read by members of its owner's groups", async () => {
      const { body: project } = await api('post', '/projects', ALICE)
        .send({ workspace: 'ws', name: 'shared', visibility: 'team' })
        .expect(201);
      expect(await names(CAROL)).toContain('shared');
      await api('get', `/projects/${project.id}`, CAROL).expect(200);
      await writeX(project.id, CAROL).expect(403);
      expect(await names(BOB)).not.toContain('shared');
      await api('get', `/projects/${project.id}`, BOB).expect(404);
    });

    it('lets every signed-in user read a public project, and nobody else change it', async () => {
      const { body: project } = await api('post', '/projects', ALICE)
        .send({ workspace: 'ws', name: 'open', visibility: 'public' })
        .expect(201);
      expect(await names(BOB)).toContain('open');
      await api('get', `/projects/${project.id}/files`, BOB).expect(200);
      await api('post', `/projects/${project.id}/files/directories`, BOB)
        .send({ path: 'data' })
        .expect(403);
      await request(backend.server)
        .get(`/api/ml/projects/${project.id}`)
        .expect(401);
    });

    it('leaves the work of a deleted project to the workspace admins', async () => {
      const { body: project } = await api('post', '/projects', ALICE)
        .send({ workspace: 'ws', name: 'gone' })
        .expect(201);
      const job = await createTrainJob(project.id, ALICE);
      const { body: run } = await api(
        'post',
        `/projects/${project.id}/jobs/${job.id}/runs`,
        ALICE,
      )
        .send({})
        .expect(201);
      await api('delete', `/projects/${project.id}`, ALICE).expect(204);
      await api('get', `/workloads/${run.id}`, ALICE).expect(404);
      const seen = await api('get', `/workloads/${run.id}`, WANDA).expect(200);
      expect(seen.body.state).toBe('stopped');
    });

    it('shows workspace admins every project', async () => {
      const all = await names(WANDA);
      expect(all).toEqual(
        expect.arrayContaining([
          'mine',
          'ours',
          'secret',
          'team-ops',
          'shared',
          'open',
        ]),
      );
    });
  },
);
