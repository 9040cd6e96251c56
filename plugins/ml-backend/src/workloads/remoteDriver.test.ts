import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  ComputeDriver,
  WorkloadRef,
  mlComputeDriverExtensionPoint,
} from '@ml-platform/plugin-ml-node';
import request from 'supertest';
import { FakeDriver } from '../__testUtils__/FakeDriver';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  MlTestBackend,
  STANDARD_NODE_GROUP,
  startMlBackend,
} from '../__testUtils__/startMlBackend';
import { waitFor } from '../__testUtils__/waitFor';
import { PYTHON_RUNTIME, firstRuntimeId } from '../__testUtils__/apiFixtures';

jest.setTimeout(90_000);
const databases = createTestDatabases();

/**
 * The optional parts of the driver contract a remote driver (Kubernetes)
 * has, through the API: `status` shows on the workspace, `exec` carries the
 * session console, `deleteProject` runs when a project goes.
 */
describe('the API with a remote driver (status, exec, deleteProject)', () => {
  const fake = new FakeDriver();
  const execs: Array<{ ref: WorkloadRef; code: string }> = [];
  const deletedProjects: Array<[string, string]> = [];
  const remote: ComputeDriver = {
    name: 'kubernetes',
    start: spec => fake.start(spec),
    stop: ref => fake.stop(ref),
    observe: () => fake.observe(),
    forget: ref => fake.forget(ref),
    logs: () => fake.logs(),
    endpoint: async () => undefined,
    status: () => fake.status(),
    async *exec(ref, code) {
      execs.push({ ref, code });
      yield JSON.stringify({
        stream: 'stdout',
        text: `ran ${code.length} chars\n`,
      });
      yield JSON.stringify({ done: true, error: null });
    },
    async deleteProject(workspace, projectId) {
      deletedProjects.push([workspace, projectId]);
    },
  };
  const remoteDriverModule = createBackendModule({
    pluginId: 'ml',
    moduleId: 'test-remote-driver',
    register(reg) {
      reg.registerInit({
        deps: { drivers: mlComputeDriverExtensionPoint },
        async init({ drivers }) {
          drivers.addDriver(remote);
        },
      });
    },
  });

  let backend: MlTestBackend;
  let runtimeId: string;

  beforeAll(async () => {
    backend = await startMlBackend(databases, 'SQLITE_3', {
      config: {
        engine: { reconcileIntervalSeconds: 0.2 },
        runtimes: [PYTHON_RUNTIME],
      },
      features: [remoteDriverModule],
    });
    const { server } = backend;
    await request(server)
      .post('/api/ml/workspaces')
      .send({ name: 'local-ws', nodeGroups: [STANDARD_NODE_GROUP] })
      .expect(201);
    await request(server)
      .post('/api/ml/workspaces')
      .send({
        name: 'k8s',
        driver: 'kubernetes',
        nodeGroups: [STANDARD_NODE_GROUP],
      })
      .expect(201);
    await request(server)
      .post('/api/ml/workspaces/k8s/profiles')
      .send({ name: 'small', cpu: 1, memoryMiB: 1024 })
      .expect(201);
    runtimeId = await firstRuntimeId(server);
  });

  afterAll(() => backend.stop());

  /** Creates a project in the Kubernetes workspace; answers its id. */
  const k8sProject = async (name: string): Promise<string> =>
    (
      await request(backend.server)
        .post('/api/ml/projects')
        .send({ workspace: 'k8s', name })
        .expect(201)
    ).body.id;

  it("shows the driver's availability on the workspace, and none for a driver that cannot tell", async () => {
    const { server } = backend;
    fake.unavailable =
      'the cluster cannot be reached: connect ECONNREFUSED 127.0.0.1:6443';
    const down = await request(server)
      .get('/api/ml/workspaces/k8s')
      .expect(200);
    expect(down.body.availability).toEqual({
      available: false,
      message: fake.unavailable,
    });
    const list = await request(server).get('/api/ml/workspaces').expect(200);
    const byName = Object.fromEntries(
      list.body.items.map((w: any) => [w.name, w]),
    );
    expect(byName.k8s.availability).toEqual({
      available: false,
      message: fake.unavailable,
    });
    expect(byName['local-ws'].availability).toBeUndefined();

    fake.unavailable = undefined;
    expect(
      (await request(server).get('/api/ml/workspaces/k8s').expect(200)).body
        .availability,
    ).toEqual({ available: true });
  });

  it("runs console code through the driver's exec, not the kernel endpoint", async () => {
    const { server } = backend;
    const base = `/api/ml/projects/${await k8sProject('console')}/sessions`;
    const session = (
      await request(server)
        .post(base)
        .send({ runtimeId, profile: 'small' })
        .expect(201)
    ).body;
    await waitFor(
      async () =>
        (await request(server).get(`${base}/${session.id}`)).body.state ===
        'running',
      'running',
    );

    const res = await request(server)
      .post(`${base}/${session.id}/execute`)
      .send({ code: 'print(6*7)' })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    expect(
      res.text
        .trim()
        .split('\n')
        .map(l => JSON.parse(l)),
    ).toEqual([
      { stream: 'stdout', text: 'ran 10 chars\n' },
      { done: true, error: null },
    ]);
    expect(execs).toEqual([
      { ref: { workloadId: session.id, attempt: 1 }, code: 'print(6*7)' },
    ]);

    await request(server).post(`${base}/${session.id}/stop`).expect(200);
    const refused = await request(server)
      .post(`${base}/${session.id}/execute`)
      .send({ code: 'x' })
      .expect(409);
    expect(refused.body.error.message).toContain('Session is stopped');
    expect(execs).toHaveLength(1);
  });

  it("deleting a project asks the workspace's driver to remove what it keeps for it", async () => {
    const { server } = backend;
    const projectId = await k8sProject('doomed');
    await request(server).delete(`/api/ml/projects/${projectId}`).expect(204);
    expect(deletedProjects).toEqual([['k8s', projectId]]);
  });
});
