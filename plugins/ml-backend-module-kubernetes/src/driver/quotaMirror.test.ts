import { ResourceQuota } from 'kubernetes-models/v1';
import { startHarness, specFor, NS } from '../__testUtils__/driverHarness';
import { validateAs } from '../__testUtils__/validateAs';

jest.setTimeout(30_000);

const QUOTA_PATH = `/api/v1/namespaces/${NS}/resourcequotas/ml-platform-quota`;

/** ResourceQuota ml-platform-quota mirrors WorkloadSpec.quota (the engine's charged limit). */
describe('the namespace quota mirror', () => {
  let h: Awaited<ReturnType<typeof startHarness>>;
  afterEach(() => h?.stop());
  const puts = () =>
    h.server.requests.filter(r => r === `PUT ${QUOTA_PATH}`).length;

  it('leaves an equal quota alone, even in the canonical form the apiserver returns', async () => {
    h = await startHarness();
    await h.untilAvailable();
    h.server.put('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NS },
    });
    // What kube-apiserver gives back for 4 vCPU / 8192 MiB: sorted keys, canonical quantities.
    h.server.put('resourcequotas', {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'ml-platform-quota', namespace: NS },
      spec: {
        hard: {
          'limits.cpu': '4',
          'limits.memory': '8Gi',
          'requests.cpu': '4',
          'requests.memory': '8Gi',
          'requests.nvidia.com/gpu': '0',
        },
      },
    });
    await h.driver.start(
      specFor('job', { quota: { cpu: 4, memoryMiB: 8192, gpu: 0 } }),
    );
    expect(puts()).toBe(0);
  });

  it('updates the quota when the charged limit changes', async () => {
    h = await startHarness();
    await h.untilAvailable();
    await h.driver.start(
      specFor('job', {
        workloadId: 'e0000000-0000-4000-8000-000000000001',
        quota: { cpu: 2, memoryMiB: 2048, gpu: 0 },
      }),
    );
    expect(puts()).toBe(0);
    await h.driver.start(
      specFor('job', {
        workloadId: 'e0000000-0000-4000-8000-000000000002',
        quota: { cpu: 3, memoryMiB: 2048, gpu: 1 },
      }),
    );
    expect(puts()).toBe(1);
    const quota = h.server.get('resourcequotas', NS, 'ml-platform-quota')!;
    expect(quota.spec!.hard).toMatchObject({
      'requests.cpu': '3000m',
      'limits.cpu': '3000m',
      'requests.nvidia.com/gpu': '1',
    });
    validateAs(ResourceQuota, quota);
  });
});
