import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  MlTestBackend,
  STANDARD_NODE_GROUP,
  startMlBackend,
} from '../../__testUtils__/startMlBackend';
import { policyServiceFactories } from '../../__testUtils__/testPolicy';

/** The project's owner, a viewer of it, someone else, and an admin. */
export const ALICE = 'user:default/alice';
export const VERA = 'user:default/vera';
export const BOB = 'user:default/bob';
export const WANDA = 'user:default/wanda';

export const TRACKING = '/api/ml/mlflow/api/2.0/mlflow';

/** `{error_code, message}` with the status MLflow gives the code. */
export const mlflowError = (
  status: number,
  code: string,
  message?: RegExp,
) => ({
  status,
  body: { error_code: code, message: message ?? expect.any(String) },
});

export interface TrackingBackend {
  backend: MlTestBackend;
  /** Alice's project, where Vera is a viewer and Bob nothing. */
  projectId: string;
  /** A call of the tracking API as `ref` (none: unauthenticated). */
  call(
    method: 'get' | 'post',
    endpoint: string,
    ref: string | undefined,
    input?: object,
  ): request.Test;
  /** Creates an experiment in the project as Alice and returns its id. */
  experiment(name: string): Promise<string>;
  /** Creates a run in the experiment as Alice and returns its id. */
  run(experimentId: string, name?: string): Promise<string>;
}

/**
 * A backend with the portal's project roles, one workspace and Alice's
 * private project, for tests of the tracking API.
 */
export async function startTrackingBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): Promise<TrackingBackend> {
  const backend = await startMlBackend(databases, databaseId, {
    config: {
      engine: { reconcileIntervalSeconds: 3600, cronIntervalSeconds: 3600 },
    },
    features: [
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      ...policyServiceFactories({ admins: [WANDA] }),
    ],
  });
  const as = (ref?: string) =>
    ref ? { Authorization: mockCredentials.user.header(ref) } : {};
  const api = (method: 'post' | 'put', path: string, ref: string) =>
    request(backend.server)[method](`/api/ml${path}`).set(as(ref));
  await api('post', '/workspaces', WANDA)
    .send({ name: 'ws', nodeGroups: [STANDARD_NODE_GROUP] })
    .expect(201);
  const project = await api('post', '/projects', ALICE)
    .send({ workspace: 'ws', name: 'churn', visibility: 'private' })
    .expect(201);
  const projectId: string = project.body.id;
  await api(
    'put',
    `/projects/${projectId}/collaborators/${encodeURIComponent(VERA)}`,
    ALICE,
  )
    .send({ role: 'viewer' })
    .expect(200);

  const call: TrackingBackend['call'] = (method, endpoint, ref, input) => {
    const test = request(backend.server)
      [method](`${TRACKING}/${endpoint}`)
      .set(as(ref));
    return method === 'get' ? test.query(input ?? {}) : test.send(input ?? {});
  };
  return {
    backend,
    projectId,
    call,
    async experiment(name) {
      const res = await call('post', 'experiments/create', ALICE, {
        name,
        tags: [{ key: 'ml.project_id', value: projectId }],
      }).expect(200);
      return res.body.experiment_id;
    },
    async run(experimentId, name) {
      const res = await call('post', 'runs/create', ALICE, {
        experiment_id: experimentId,
        run_name: name,
      }).expect(200);
      return res.body.run.info.run_id;
    },
  };
}
