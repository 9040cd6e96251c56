import {
  createTestDatabases,
  listTrackingRoutes,
  MlTestBackend,
  STANDARD_NODE_GROUP,
} from '@ml-platform/plugin-ml-backend/testUtils';
import request from 'supertest';
import {
  as,
  CALLERS,
  makeMatrixProject,
  owner,
  startMatrixBackend,
  status,
  wanda,
} from './__testUtils__/matrixBackend';
import {
  ALL_MLFLOW_ROUTES as MLFLOW_ROUTES,
  MlflowFixtures,
  MlflowRequest,
  mlflowExpected,
  REFUSAL_CODES,
} from './__testUtils__/mlflowRouteNeeds';
import { MatrixCaller } from './__testUtils__/routeNeeds';

/**
 * The access matrix of the MLflow API (tracking and artifacts): every route
 * the tracking router registers, as every kind of caller, through the real
 * permission backend and the portal's policy. Allowed callers get a 200;
 * refused ones MLflow's 401 UNAUTHENTICATED, 403 PERMISSION_DENIED (may
 * read the project, not change it) or 404 RESOURCE_DOES_NOT_EXIST (may not
 * read it), and a refusal changes nothing.
 */

jest.setTimeout(300_000);
const databases = createTestDatabases();

const SNAPSHOT_TABLES = [
  'ml_experiments',
  'ml_experiment_tags',
  'ml_runs',
  'ml_run_params',
  'ml_run_tags',
  'ml_run_metrics',
  'ml_run_latest_metrics',
  'ml_run_inputs',
  'ml_registered_models',
  'ml_registered_model_tags',
  'ml_registered_model_aliases',
  'ml_model_versions',
  'ml_model_version_tags',
];
const T = '/api/ml/mlflow/api/2.0/mlflow';
const A = '/api/ml/mlflow/api/2.0/mlflow-artifacts';

describe.each(databases.eachSupportedId())(
  'the MLflow API access matrix (%s)',
  databaseId => {
    let backend: MlTestBackend;
    let fixtures: MlflowFixtures;

    const ownerPost = async (url: string, body: object) =>
      (
        await request(backend.server)
          .post(url)
          .set(as(owner))
          .send(body)
          .expect(status(200))
      ).body;

    beforeAll(async () => {
      backend = await startMatrixBackend(databases, databaseId);
      await request(backend.server)
        .post('/api/ml/workspaces')
        .set(as(wanda))
        .send({ name: 'ws', nodeGroups: [STANDARD_NODE_GROUP] })
        .expect(status(201));
      const projectId = await makeMatrixProject(backend, 'mlflow-matrix');
      let counter = 0;
      const unique = () => String(++counter);
      const createExperiment = async (name: string) =>
        (
          await ownerPost(`${T}/experiments/create`, {
            name,
            tags: [{ key: 'ml.project_id', value: projectId }],
          })
        ).experiment_id as string;
      const experimentId = await createExperiment('matrix-exp');
      const createRun = async () =>
        (await ownerPost(`${T}/runs/create`, { experiment_id: experimentId }))
          .run.info.run_id as string;
      const runId = await createRun();
      const runDir = `${experimentId}/${runId}/artifacts`;
      const ownerUpload = async (name: string) => {
        await request(backend.server)
          .put(`${A}/artifacts/${runDir}/${name}`)
          .set(as(owner))
          .send(Buffer.from('fixture'))
          .expect(status(200));
        return `${runDir}/${name}`;
      };
      await ownerUpload('fixture.txt');
      const createModel = async (name: string) => {
        await ownerPost(`${T}/registered-models/create`, {
          name,
          tags: [{ key: 'ml.project_id', value: projectId }],
        });
        return name;
      };
      const createVersion = async (name: string) =>
        (
          await ownerPost(`${T}/model-versions/create`, {
            name,
            source: `runs:/${runId}/model`,
            run_id: runId,
          })
        ).model_version.version as string;
      const modelName = await createModel('matrix-model');
      await createVersion(modelName);
      await ownerPost(`${T}/registered-models/alias`, {
        name: modelName,
        alias: 'stable',
        version: '1',
      });
      fixtures = {
        projectId,
        experimentId,
        experimentName: 'matrix-exp',
        runId,
        modelName,
        freshModel: () => createModel(`fresh-model-${unique()}`),
        freshVersion: () => createVersion(modelName),
        unique,
        async freshExperiment(options) {
          const id = await createExperiment(`fresh-${unique()}`);
          if (options?.deleted) {
            await ownerPost(`${T}/experiments/delete`, { experiment_id: id });
          }
          return id;
        },
        async freshRun(options) {
          const id = await createRun();
          if (options?.deleted) {
            await ownerPost(`${T}/runs/delete`, { run_id: id });
          }
          return id;
        },
        async ownerCall(endpoint, body) {
          await ownerPost(`${T}/${endpoint}`, body);
        },
        ownerUpload,
        async ownerMultipart(name) {
          const created = await ownerPost(`${A}/mpu/create/${runDir}`, {
            path: name,
            num_parts: 2,
          });
          const part = await request(backend.server)
            .put(`${A}/mpu/upload-part`)
            .query({
              path: `${runDir}/${name}`,
              upload_id: created.upload_id,
              part_number: 1,
            })
            .set(as(owner))
            .send(Buffer.from('part'))
            .expect(status(200));
          return { uploadId: created.upload_id, etag: part.headers.etag };
        },
      };
    });

    afterAll(() => backend?.stop());

    async function send(
      route: string,
      req: MlflowRequest,
      caller: MatrixCaller,
    ): Promise<request.Response> {
      const method = route.split(' ')[0].toLowerCase() as 'get';
      const call = request(backend.server)
        [method](`/api/ml${req.path}`)
        .set(as(caller))
        .query(req.query ?? {});
      if (req.raw) return call.send(req.raw);
      return method === 'get' ? call : call.send(req.body ?? {});
    }

    it('has a case for every route of the tracking router', () => {
      const routes = listTrackingRoutes();
      expect(routes.filter(r => !(r in MLFLOW_ROUTES))).toEqual([]);
      expect(
        Object.keys(MLFLOW_ROUTES).filter(r => !routes.includes(r)),
      ).toEqual([]);
    });

    it('gives each caller what the table says, and refusals change nothing', async () => {
      const problems: string[] = [];
      let cells = 0;
      for (const [route, { need, request: build }] of Object.entries(
        MLFLOW_ROUTES,
      )) {
        const plan = CALLERS.map(caller => ({
          caller,
          expected: mlflowExpected(need, caller),
        }));
        const refused = plan.filter(p => p.expected !== 'allowed');
        const allowed = plan.filter(p => p.expected === 'allowed');
        // Built first: what the owner sets up for it is no refusal's doing.
        const aimed = await build(fixtures, false);
        const before = await backend.snapshot(SNAPSHOT_TABLES);
        for (const { caller, expected } of refused) {
          cells++;
          const res = await send(route, aimed, caller);
          const code = REFUSAL_CODES[expected as 401 | 403 | 404];
          if (res.status !== expected || res.body?.error_code !== code) {
            problems.push(
              `${route} as ${caller.name}: expected ${expected} ${code}, got ${
                res.status
              } ${JSON.stringify(res.body)}`,
            );
          }
        }
        if (refused.length) {
          const after = await backend.snapshot(SNAPSHOT_TABLES);
          if (JSON.stringify(after) !== JSON.stringify(before)) {
            problems.push(
              `${route}: a refused call changed the backend's state`,
            );
          }
        }
        for (const { caller } of allowed) {
          cells++;
          const res = await send(route, await build(fixtures, true), caller);
          if (res.status !== 200) {
            problems.push(
              `${route} as ${caller.name}: expected 200, got ${
                res.status
              } ${JSON.stringify(res.body)}`,
            );
          }
        }
      }
      process.stdout.write(
        `MLflow access matrix (${databaseId}): ${
          Object.keys(MLFLOW_ROUTES).length
        } routes × ${CALLERS.length} callers = ${cells} requests\n`,
      );
      expect(problems).toEqual([]);
    });
  },
);
