import { Runtime, Workspace } from '@ml-platform/plugin-ml-common';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- end to end: the ML backend this module plugs into
import {
  createTestDatabases,
  MlTestBackend,
  PYTHON_RUNTIME,
  STANDARD_NODE_GROUP,
  startMlBackend,
} from '@ml-platform/plugin-ml-backend/testUtils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { waitFor } from './waitFor';
import { mlModuleKubernetes } from '../module';
import { MlApiClient } from './mlApiClient';

/**
 * The ML backend with this module and a `k8s` workspace on the cluster of
 * `env` (the env file of scripts/kube), a `small` profile and one runtime;
 * resolves once the workspace is in sync with the cluster.
 */
export async function startMlBackendOnCluster(
  databases: ReturnType<typeof createTestDatabases>,
  env: Record<string, string>,
): Promise<{ backend: MlTestBackend; baseUrl: string; runtimeId: string }> {
  const backend = await startMlBackend(databases, 'SQLITE_3', {
    config: {
      engine: { reconcileIntervalSeconds: 0.3 },
      serving: { drainSeconds: 0 },
      runtimes: [PYTHON_RUNTIME],
      kubernetes: {
        backendUrl: 'http://127.0.0.1:7007',
        workspaces: {
          k8s: {
            cluster: {
              url: env.KUBE_API_URL,
              serviceAccountToken: env.KUBE_TOKEN,
              caFile: env.KUBE_CA_FILE,
            },
            defaultImage: 'python:3.12-slim',
            resyncSeconds: 10,
          },
        },
      },
    },
    features: [mlModuleKubernetes],
  });
  try {
    return { backend, ...(await setUp(backend)) };
  } catch (error) {
    await backend.stop();
    throw error;
  }
}

/** The workspace, profile and runtime the tests use, once in sync. */
async function setUp(backend: MlTestBackend) {
  const server = backend.server as http.Server;
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { ok } = new MlApiClient(() => baseUrl);
  await ok('POST', '/workspaces', {
    name: 'k8s',
    driver: 'kubernetes',
    nodeGroups: [STANDARD_NODE_GROUP],
    defaultUserQuota: { cpu: 6, memoryMiB: 16384, gpu: 0 },
  });
  await ok('POST', '/workspaces/k8s/profiles', {
    name: 'small',
    cpu: 1,
    memoryMiB: 1024,
  });
  const runtimes = await ok<{ items: Runtime[] }>('GET', '/runtimes');
  await waitFor(
    async () =>
      (
        await ok<Workspace>('GET', '/workspaces/k8s')
      ).availability?.available,
    30_000,
    'the cluster to be in sync',
  );
  return { baseUrl, runtimeId: runtimes.items[0].id };
}
