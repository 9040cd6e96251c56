import type {
  V1Namespace,
  V1ResourceQuota,
  V1Service,
} from '@kubernetes/client-node';
import { isStartDeferredError } from '@ml-platform/plugin-ml-node';
import { Json } from '../client/json';
import { hasStatus } from '../client/KubeApiError';
import { specFor } from '../__testUtils__/driverHarness';
import { waitFor } from '../__testUtils__/waitFor';
import {
  describeIfCluster,
  driverOnCluster,
} from '../__testUtils__/clusterEnv';

/**
 * Against the real kube-apiserver 1.20.2 of scripts/kube (the `kubernetes`
 * tier of scripts/test.sh sets ML_KUBE_ENV to its env file); skipped
 * otherwise. There is no kubelet: pods stay Pending, which the scheduler
 * reports as Unschedulable.
 */

jest.setTimeout(120_000);

describeIfCluster('KubernetesDriver against kube-apiserver 1.20.2', () => {
  const { driver, admin } = driverOnCluster(5);
  const projectId = `it${Date.now()}`;
  const NS = `ml-${projectId}`;
  beforeAll(() => driver.startWatching());
  afterAll(() => driver.shutdown());

  it('creates the namespace, quota and a Job the apiserver accepts, and maps the scheduler verdict', async () => {
    await waitFor(
      async () => (await driver.status('k8s')).available,
      30_000,
      'sync',
    );
    const spec = specFor('job', {
      projectId,
      quota: { cpu: 4, memoryMiB: 4096, gpu: 0 },
    });
    await driver.start(spec);
    const ns = await admin.get<Json<V1Namespace>>(`/api/v1/namespaces/${NS}`);
    expect(ns.metadata!.labels!['app.kubernetes.io/managed-by']).toBe(
      'ml-platform',
    );
    const quota = await admin.get<Json<V1ResourceQuota>>(
      `/api/v1/namespaces/${NS}/resourcequotas/ml-platform-quota`,
    );
    expect(quota.spec!.hard!['requests.cpu']).toBe('4');
    const observed = await waitFor(
      async () =>
        (
          await driver.observe()
        ).find(
          o =>
            o.workloadId === spec.workloadId &&
            o.reason?.startsWith('the cluster has no room'),
        ),
      60_000,
      'the scheduler to find no node',
    );
    expect(observed.phase).toBe('pending');
  });

  it('turns a quota refusal into a deferred start', async () => {
    const spec = specFor('session', {
      projectId,
      workloadId: 'c0000000-0000-4000-8000-000000000001',
      resources: { cpu: 5, memoryMiB: 512, gpu: 0 },
    });
    const error = await driver.start(spec).catch(e => e);
    expect(isStartDeferredError(error)).toBe(true);
    expect(error.message).toMatch(/used up/);
  });

  it('runs a session as a Pod with its Service, and stops it', async () => {
    const spec = specFor('session', {
      projectId,
      workloadId: 'c0000000-0000-4000-8000-000000000002',
    });
    await driver.start(spec);
    await driver.start(spec);
    const name = `session-${spec.workloadId}-1`;
    const service = await admin.get<Json<V1Service>>(
      `/api/v1/namespaces/${NS}/services/${name}`,
    );
    expect(service.metadata!.ownerReferences![0].kind).toBe('Pod');
    await driver.stop(spec);
    await waitFor(
      async () =>
        hasStatus(
          await admin
            .get(`/api/v1/namespaces/${NS}/pods/${name}`)
            .catch((e: unknown) => e),
          404,
        ),
      30_000,
      'pod deletion',
    );
  });

  it('deletes the project namespace', async () => {
    await driver.deleteProject('k8s', projectId);
    // Gone (404), or still going.
    const phase = await admin
      .get<Json<V1Namespace>>(`/api/v1/namespaces/${NS}`)
      .then(
        ns => ns.status?.phase,
        (e: unknown) => e,
      );
    expect(hasStatus(phase, 404) || phase === 'Terminating').toBe(true);
  });
});
