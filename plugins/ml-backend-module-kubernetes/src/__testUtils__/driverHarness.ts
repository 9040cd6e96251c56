import { mockServices } from '@backstage/backend-test-utils';
import { WorkloadKind, WorkloadSpec } from '@ml-platform/plugin-ml-node';
import { Backoff } from '../client/backoff';
import { ClusterSettings } from '../config';
import { createKubernetesDriver } from '../driver/createKubernetesDriver';
import { KubernetesDriverOptions } from '../driver/KubernetesDriver';
import { FakeKubeApiServer } from './FakeKubeApiServer';
import { waitFor } from './waitFor';

/** The project of every `specFor` spec. */
export const PROJECT_ID = '5d1b2d7e-1111-4222-8333-444455556666';
/** The namespace the driver gives that project. */
export const NS = `ml-${PROJECT_ID}`;

export function settingsFor(
  url: string,
  extra: Partial<ClusterSettings> = {},
): ClusterSettings {
  return {
    workspace: 'k8s',
    url,
    serviceAccountToken: 'test-token',
    // client-node refuses plain http otherwise; the fake server has no TLS.
    skipTLSVerify: true,
    namespacePrefix: 'ml-',
    images: { python: 'python:3.12-slim' },
    imagePullSecrets: ['registry'],
    backendUrl: 'http://ml.example:7007',
    requestTimeoutMs: 300,
    resyncSeconds: 30,
    keepFinishedMinutes: 60,
    podIdentity: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
    networkPolicy: {
      namespaceLabels: { 'kubernetes.io/metadata.name': 'backstage' },
      podLabels: { app: 'backstage' },
      cidrs: ['10.0.0.5/32'],
    },
    ...extra,
  };
}

export function specFor<K extends WorkloadKind>(
  kind: K,
  extra: Partial<Omit<WorkloadSpec, 'kind'>> = {},
): WorkloadSpec & { kind: K } {
  return {
    workloadId: `0f8e4c1a-0000-4000-8000-00000000000${Math.floor(
      Math.random() * 10,
    )}`,
    attempt: 1,
    kind,
    workspace: 'k8s',
    projectId: PROJECT_ID,
    projectName: 'churn',
    projectDir: '/unused',
    runtime: { id: 'python' },
    resources: { cpu: 1, memoryMiB: 512, gpu: 0 },
    args: ['train.py'],
    env: {
      ML_WORKLOAD_TOKEN: 'wt-1',
      ML_API_URL: 'http://127.0.0.1:7007/api/ml',
    },
    ports: kind === 'session' ? ['kernel', 'app'] : [],
    ...extra,
  };
}

/** A fake API server and a driver watching it, with quick backoff. */
export async function startHarness(
  extra: Partial<ClusterSettings> = {},
  options: Partial<KubernetesDriverOptions> = {},
) {
  const server = new FakeKubeApiServer();
  const url = await server.start();
  const driver = createKubernetesDriver(
    [settingsFor(url, extra)],
    mockServices.logger.mock(),
    {
      backoff: () => new Backoff(5, 50),
      ...options,
    },
  );
  driver.startWatching();
  return {
    server,
    driver,
    /** Resolves once the driver has listed everything of the workspace. */
    untilAvailable(timeoutMs = 5000, what = 'sync') {
      return waitFor(
        async () => (await driver.status('k8s')).available,
        timeoutMs,
        what,
      );
    },
    async stop() {
      await driver.shutdown();
      await server.stop();
    },
  };
}
