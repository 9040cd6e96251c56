import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { MlTestBackend } from '../../__testUtils__/startMlBackend';
import { waitFor } from '../../__testUtils__/waitFor';
import {
  createProject,
  finishedBuild,
  putProjectFiles,
  startPythonBackend,
} from '../../__testUtils__/apiFixtures';

jest.setTimeout(90_000);
const databases = createTestDatabases();

/**
 * The lineage of a real model: a build of the local driver that read the
 * project's lineage.yaml, and a deployment of it serving the endpoint.
 */
describe.each(databases.eachSupportedId())('lineage API (%s)', databaseId => {
  let backend: MlTestBackend;
  let base: string;
  let projectId: string;
  let runtimeId: string;

  beforeAll(async () => {
    ({ backend, runtimeId } = await startPythonBackend(databases, databaseId, {
      config: { serving: { drainSeconds: 0 } },
    }));
    const { server } = backend;
    projectId = await createProject(server, 'churn');
    base = `/api/ml/projects/${projectId}/models`;
    await putProjectFiles(server, projectId, {
      'model.py':
        'def predict(args):\n    return {"churn": args["tenure"] < 12}\n',
      'lineage.yaml':
        'classifier:\n  hive_table_qualified_names: ["warehouse.customers@cm", "warehouse.events@cm"]\n  metadata: {query: "select * from customers"}\n',
    });
  });

  afterAll(() => backend?.stop());

  it('answers 400 naming the field for a bad project id, and 404 for an unknown model', async () => {
    const bad = await request(backend.server)
      .get('/api/ml/projects/nope/models/x/lineage')
      .expect(400);
    expect(bad.body.error.message).toMatch(/projectId/);
    await request(backend.server).get(`${base}/missing/lineage`).expect(404);
  });

  it('links the datasets of lineage.yaml → the build → its deployment → the endpoint', async () => {
    const { server } = backend;
    const model = (
      await request(server)
        .post(base)
        .send({ name: 'classifier', description: '' })
        .expect(201)
    ).body;
    const build = await request(server)
      .post(`${base}/classifier/builds`)
      .send({
        filePath: 'model.py',
        functionName: 'predict',
        runtimeId,
        examples: [{ request: { tenure: 3 } }],
      })
      .expect(201);
    const built = await finishedBuild(
      server,
      `${base}/classifier/builds/${build.body.id}`,
    );
    expect(built.state).toBe('built');
    const deployment = (
      await request(server)
        .post(`${base}/classifier/deployments`)
        .send({ buildId: built.id, profile: 'small' })
        .expect(201)
    ).body;

    const lineage = (
      await request(server).get(`${base}/classifier/lineage`).expect(200)
    ).body;
    expect(lineage.modelId).toBe(model.id);
    expect(lineage.entityRef).toBe('model:ws/churn.classifier');
    expect(lineage.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'dataset:warehouse.customers@cm',
          kind: 'dataset',
          entityRef: 'resource:ws/warehouse.customers-cm',
        }),
        expect.objectContaining({
          id: 'dataset:warehouse.events@cm',
          kind: 'dataset',
        }),
        expect.objectContaining({
          id: `build:${built.id}`,
          kind: 'build',
          state: 'built',
          details: expect.objectContaining({
            lineageMetadata: { query: 'select * from customers' },
          }),
        }),
        expect.objectContaining({
          id: `deployment:${deployment.id}`,
          kind: 'deployment',
        }),
        expect.objectContaining({
          id: `endpoint:${model.id}`,
          kind: 'endpoint',
          entityRef: 'api:ws/churn.classifier',
        }),
      ]),
    );
    expect(lineage.edges).toEqual(
      expect.arrayContaining([
        {
          from: 'dataset:warehouse.customers@cm',
          to: `build:${built.id}`,
          type: 'trainedOn',
        },
        {
          from: 'dataset:warehouse.events@cm',
          to: `build:${built.id}`,
          type: 'trainedOn',
        },
        {
          from: `build:${built.id}`,
          to: `deployment:${deployment.id}`,
          type: 'deployedAs',
        },
        {
          from: `deployment:${deployment.id}`,
          to: `endpoint:${model.id}`,
          type: 'serves',
        },
      ]),
    );
    // By name or id alike.
    const byId = (
      await request(server).get(`${base}/${model.id}/lineage`).expect(200)
    ).body;
    expect(byId.nodes.length).toBe(lineage.nodes.length);

    await waitFor(async () => {
      const res = await request(server)
        .get(`${base}/classifier/deployments/${deployment.id}`)
        .expect(200);
      return res.body.state === 'deployed';
    }, 'the deployment');
    await request(server)
      .post(`${base}/classifier/deployments/${deployment.id}/stop`)
      .expect(200);
    const stopped = (
      await request(server).get(`${base}/classifier/lineage`).expect(200)
    ).body;
    expect(stopped.edges.some((e: any) => e.type === 'serves')).toBe(false);
  });
});
