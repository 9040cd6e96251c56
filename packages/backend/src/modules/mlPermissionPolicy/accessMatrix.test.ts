import {
  createTestDatabases,
  MlTestBackend,
  STANDARD_NODE_GROUP,
} from '@ml-platform/plugin-ml-backend/testUtils';
import request from 'supertest';
import { parse } from 'yaml';
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
  expectedFor,
  MatrixCaller,
  ML_ROUTE_NEEDS,
} from './__testUtils__/routeNeeds';

/**
 * The access matrix: every route of the ML API (from its OpenAPI document)
 * as every kind of caller, through the real permission backend and the
 * portal's policy. Allowed callers get past the access check (whatever the
 * route then says of the empty body they send); refused ones get 401, 403
 * (may read the project, not this) or 404 (may not read it), and a refusal
 * changes nothing.
 */

jest.setTimeout(300_000);
const databases = createTestDatabases();

const SNAPSHOT_TABLES = [
  'workspaces',
  'runtimes',
  'resource_profiles',
  'quotas',
  'projects',
  'project_collaborators',
  'jobs',
  'workloads',
  'workload_events',
  'models',
  'model_builds',
  'model_deployments',
  'model_access_keys',
  'model_monitoring_settings',
  'model_prediction_inputs',
  'model_drift_baselines',
  'model_aggregate_metrics',
  'model_monitors',
  'model_monitor_evaluations',
  'model_promotion_policies',
  'model_events',
  'applications',
];

// The access check's 404. A missing thing of a readable project (a model, a
// monitor, ...) answers 404 too, but with a message this does not match.
const DENIAL_404 = /^No (project|workload) with id/;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe.each(databases.eachSupportedId())(
  'the ML API access matrix (%s)',
  databaseId => {
    let backend: MlTestBackend;
    const makeProject = (name: string) => makeMatrixProject(backend, name);
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      backend = await startMatrixBackend(databases, databaseId);
      const { server } = backend;
      const api = (
        method: 'get' | 'post' | 'put',
        path: string,
        caller = owner,
      ) => request(server)[method](`/api/ml${path}`).set(as(caller));

      // A workspace without a node until an hour-long scale-up: every
      // workload waits in the queue, so the matrix starts no process.
      await api('post', '/workspaces', wanda)
        .send({
          name: 'ws',
          nodeGroups: [
            { ...STANDARD_NODE_GROUP, minNodes: 0, scaleUpDelaySeconds: 3600 },
          ],
        })
        .expect(status(201));
      await api('post', '/workspaces/ws/profiles', wanda)
        .send({ name: 'small', cpu: 0.5, memoryMiB: 512 })
        .expect(status(201));
      ids.quotaId = (
        await api('post', '/workspaces/ws/quotas', wanda)
          .send({
            subject: 'group:default/nobody',
            cpu: 1,
            memoryMiB: 1024,
            gpu: 0,
          })
          .expect(status(201))
      ).body.id;
      ids.runtimeId = (
        await api('get', '/runtimes').expect(status(200))
      ).body.items[0].id;
      ids.projectId = await makeProject('matrix');
      const p = `/projects/${ids.projectId}`;
      await api('put', `${p}/files/content?path=model.py`)
        .set('Content-Type', 'application/octet-stream')
        .send(Buffer.from('def predict(x):\n    return x\n'))
        .expect(status(200));
      const common = { runtimeId: ids.runtimeId, profile: 'small' };
      ids.jobId = (
        await api('post', `${p}/jobs`)
          .send({ name: 'train', script: 'model.py', ...common })
          .expect(status(201))
      ).body.id;
      ids.workloadId = (
        await api('post', `${p}/jobs/${ids.jobId}/runs`)
          .send({})
          .expect(status(201))
      ).body.id;
      ids.sessionId = (
        await api('post', `${p}/sessions`).send(common).expect(status(201))
      ).body.id;
      ids.appId = (
        await api('post', `${p}/applications`)
          .send({
            name: 'Dash',
            slug: 'matrix-dash',
            script: 'model.py',
            ...common,
          })
          .expect(status(201))
      ).body.id;
      ids.modelId = (
        await api('post', `${p}/models`)
          .send({ name: 'echo' })
          .expect(status(201))
      ).body.id;
      ids.buildId = (
        await api('post', `${p}/models/${ids.modelId}/builds`)
          .send({
            filePath: 'model.py',
            functionName: 'predict',
            runtimeId: ids.runtimeId,
          })
          .expect(status(201))
      ).body.id;
      ids.keyId = (
        await api('post', `${p}/models/${ids.modelId}/keys`)
          .send({})
          .expect(status(201))
      ).body.id;
      // A technical metric needs no monitoring settings of the model; off,
      // so no evaluation changes the snapshot between a refusal's two looks.
      ids.monitorId = (
        await api('post', `${p}/models/${ids.modelId}/monitors`)
          .send({
            name: 'errors',
            metric: { kind: 'technical', name: 'errorRate' },
            threshold: 0.1,
            direction: 'above',
            enabled: false,
          })
          .expect(status(201))
      ).body.id;
    });

    afterAll(() => backend?.stop());

    /**
     * The request path of a route with the matrix's ids. Refused callers aim
     * at the real things (a refusal must leave them as they are); allowed
     * callers of a DELETE aim at missing ones, so the fixtures stay.
     */
    function pathOf(
      method: string,
      template: string,
      allowed: boolean,
    ): string {
      const missing = allowed && method === 'DELETE';
      const values: Record<string, string> = {
        workspace: missing ? 'missing-ws' : 'ws',
        profile: missing ? 'missing-profile' : 'small',
        quotaId: missing ? MISSING_ID : ids.quotaId,
        runtimeId: missing ? MISSING_ID : ids.runtimeId,
        projectId: ids.projectId,
        subject: 'user:default/zed',
        sessionId: ids.sessionId,
        jobId: missing ? MISSING_ID : ids.jobId,
        workloadId: ids.workloadId,
        appId: missing ? MISSING_ID : ids.appId,
        modelId: missing ? 'missing-model' : ids.modelId,
        buildId: ids.buildId,
        deploymentId: MISSING_ID,
        keyId: missing ? MISSING_ID : ids.keyId,
        monitorId: missing ? MISSING_ID : ids.monitorId,
      };
      return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        if (!(name in values))
          throw new Error(`No matrix value for path parameter '${name}'`);
        return encodeURIComponent(values[name]);
      });
    }

    /** Every call sends an empty body, except where the body carries the credential. */
    const BODIES: Record<string, object> = {
      'POST /model': { request: { x: 1 } },
    };

    async function send(route: string, path: string, caller: MatrixCaller) {
      const method = route.split(' ')[0];
      const req = request(backend.server)
        [method.toLowerCase() as 'get'](`/api/ml${path}`)
        .set(as(caller));
      try {
        return await (method === 'GET' ? req : req.send(BODIES[route] ?? {}));
      } catch (error) {
        // Say which cell broke, and why, down the chain of causes.
        throw new Error(`${route} as ${caller.name} threw ${describe(error)}`);
      }
    }

    function describe(error: unknown): string {
      if (!(error instanceof Error)) return String(error);
      const { name, message, cause } = error;
      const errors = (error as AggregateError).errors ?? [];
      return [
        `${name}: ${message}`,
        ...errors.map((e: unknown) => `[${describe(e)}]`),
        ...(cause ? [`caused by ${describe(cause)}`] : []),
      ].join(' ');
    }

    it('lists every route of the API in the table', async () => {
      const spec = parse(
        (
          await request(backend.server)
            .get('/api/ml/openapi.yaml')
            .expect(status(200))
        ).text,
      );
      const routes = Object.entries<any>(spec.paths).flatMap(([p, item]) =>
        ['get', 'put', 'post', 'delete', 'patch']
          .filter(m => item[m])
          .map(m => `${m.toUpperCase()} ${p}`),
      );
      expect(routes.filter(r => !(r in ML_ROUTE_NEEDS))).toEqual([]);
      expect(
        Object.keys(ML_ROUTE_NEEDS).filter(r => !routes.includes(r)),
      ).toEqual([]);
    });

    it('gives each caller what the table says, and refusals change nothing', async () => {
      const problems: string[] = [];
      let cells = 0;
      for (const [route, need] of Object.entries(ML_ROUTE_NEEDS)) {
        const [method, template] = route.split(' ');
        const plan = CALLERS.map(caller => ({
          caller,
          expected: expectedFor(need, caller),
        }));
        // Refusals first, against an unchanged backend; then the callers let through.
        const refused = plan.filter(p => p.expected !== 'allowed');
        const allowed = plan.filter(p => p.expected === 'allowed');
        const before = await backend.snapshot(SNAPSHOT_TABLES);
        for (const { caller, expected } of refused) {
          cells++;
          const res = await send(
            route,
            pathOf(method, template, false),
            caller,
          );
          const message = res.body?.error?.message ?? '';
          const ok =
            res.status === expected &&
            (expected !== 404 || DENIAL_404.test(message));
          if (!ok)
            problems.push(
              `${route} as ${caller.name}: expected ${expected}, got ${res.status} ${message}`,
            );
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
          // Deleting the project itself: a fresh one each time.
          const path =
            route === 'DELETE /projects/{projectId}'
              ? `/projects/${await makeProject(`matrix-${cells}`)}`
              : pathOf(method, template, true);
          const res = await send(route, path, caller);
          const message = res.body?.error?.message ?? '';
          const denied =
            res.status === 401 ||
            res.status === 403 ||
            (res.status === 404 && DENIAL_404.test(message));
          if (denied)
            problems.push(
              `${route} as ${caller.name}: expected to get through, got ${res.status} ${message}`,
            );
        }
      }
      process.stdout.write(
        `access matrix (${databaseId}): ${
          Object.keys(ML_ROUTE_NEEDS).length
        } routes × ${CALLERS.length} callers = ${cells} requests\n`,
      );
      expect(problems).toEqual([]);
    });

    it('tells a missing monitor of a readable model from a refusal', async () => {
      const res = await request(backend.server)
        .get(
          `/api/ml/projects/${ids.projectId}/models/${ids.modelId}/monitors/${MISSING_ID}`,
        )
        .set(as(owner))
        .expect(status(404));
      expect(res.body.error.message).not.toMatch(DENIAL_404);
    });

    it('lists only the projects a caller may read', async () => {
      const { server } = backend;
      const names = async (caller: MatrixCaller) =>
        (
          await request(server)
            .get('/api/ml/projects?page_size=500')
            .set(as(caller))
            .expect(status(200))
        ).body.items.map((p: { name: string }) => p.name);
      expect(await names(CALLERS[1])).toEqual([]);
      expect(await names(CALLERS[2])).toContain('matrix');
      expect(await names(CALLERS[6])).toContain('matrix');
      // A run that waits (the matrix stopped the first one).
      const run = await request(server)
        .post(`/api/ml/projects/${ids.projectId}/jobs/${ids.jobId}/runs`)
        .set(as(owner))
        .send({})
        .expect(status(201));
      const queued = async (caller: MatrixCaller) =>
        (
          await request(server)
            .get('/api/ml/workspaces/ws/queue')
            .set(as(caller))
            .expect(status(200))
        ).body.queued.map((w: { id: string }) => w.id);
      expect(await queued(owner)).toContain(run.body.id);
      expect(await queued(CALLERS[2])).toContain(run.body.id);
      expect(await queued(CALLERS[1])).not.toContain(run.body.id);
    });
  },
);
