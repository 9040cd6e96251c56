import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ALICE,
  startTrackingBackend,
  TRACKING,
  TrackingBackend,
} from '../../__testUtils__/trackingBackend';

/** The HTTP methods of MLflow's registry endpoints. */
export type Method = 'get' | 'post' | 'patch' | 'delete';

export { mlflowError } from '../../__testUtils__/trackingBackend';

export interface RegistryBackend {
  tracking: TrackingBackend;
  /** An experiment of Alice's project with one run, to register from. */
  experimentId: string;
  runId: string;
  /** A call with any of MLflow's methods; GET sends a query string. */
  call(
    method: Method,
    endpoint: string,
    ref: string | undefined,
    input?: object,
  ): request.Test;
  /** Creates a registered model in Alice's project as Alice. */
  createModel(name: string, extra?: object): Promise<any>;
  /** Registers `runs:/<run>/<path>` as the model's next version. */
  createVersion(name: string, path?: string): Promise<any>;
  /** The registered model as Alice gets it. */
  getModel(name: string): Promise<any>;
}

/** The tracking test backend, with a run to register models from. */
export async function startRegistryBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): Promise<RegistryBackend> {
  const t = await startTrackingBackend(databases, databaseId);
  const experimentId = await t.experiment('registry');
  const runId = await t.run(experimentId, 'train');
  const call: RegistryBackend['call'] = (method, endpoint, ref, input) => {
    const test = request(t.backend.server)
      [method](`${TRACKING}/${endpoint}`)
      .set(ref ? { Authorization: mockCredentials.user.header(ref) } : {});
    return method === 'get' ? test.query(input ?? {}) : test.send(input ?? {});
  };
  return {
    tracking: t,
    experimentId,
    runId,
    call,
    async createModel(name, extra = {}) {
      const res = await call('post', 'registered-models/create', ALICE, {
        name,
        tags: [{ key: 'ml.project_id', value: t.projectId }],
        ...extra,
      }).expect(200);
      return res.body.registered_model;
    },
    async createVersion(name, path = 'model') {
      const res = await call('post', 'model-versions/create', ALICE, {
        name,
        source: `runs:/${runId}/${path}`,
        run_id: runId,
      }).expect(200);
      return res.body.model_version;
    },
    async getModel(name) {
      const res = await call('get', 'registered-models/get', ALICE, {
        name,
      }).expect(200);
      return res.body.registered_model;
    },
  };
}
