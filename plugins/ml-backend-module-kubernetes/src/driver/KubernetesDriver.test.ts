import { isStartDeferredError } from '@ml-platform/plugin-ml-node';
import {
  Pod,
  Secret,
  Service,
  Namespace,
  ResourceQuota,
} from 'kubernetes-models/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { startHarness, specFor, NS } from '../__testUtils__/driverHarness';
import { validateAs } from '../__testUtils__/validateAs';
import { waitFor } from '../__testUtils__/waitFor';

jest.setTimeout(30_000);

type Harness = Awaited<ReturnType<typeof startHarness>>;

describe('KubernetesDriver against a fake API server', () => {
  let h: Harness;
  afterEach(() => h?.stop());

  const observed = async (workloadId: string) =>
    (await h.driver.observe()).find(o => o.workloadId === workloadId);
  /** The workload's observation once the driver sees it failed. */
  const observedFailed = (workloadId: string) =>
    waitFor(
      async () =>
        (await observed(workloadId))?.phase === 'failed' &&
        observed(workloadId),
    );

  it('reports the workspace unavailable until it has listed everything, then available', async () => {
    h = await startHarness();
    await h.untilAvailable();
    expect(await h.driver.status('other')).toMatchObject({ available: false });
  });

  it('runs a job as a labelled batch/v1 Job in the project namespace, once, and maps its phases', async () => {
    h = await startHarness();
    const spec = specFor('job', {
      quota: { cpu: 4, memoryMiB: 8192, gpu: 0 },
      secretEnv: { API_KEY: 's3cret-api-key' },
    });
    await h.driver.start(spec);
    await h.driver.start(spec); // a second start finds the first (409 → get)

    const ns = h.server.get('namespaces', undefined, NS)!;
    expect(ns.metadata!.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'ml-platform',
      'backstage.io/kubernetes-id': `ml-project-${spec.projectId}`,
      'ml-platform.io/project-name': 'churn',
    });
    validateAs(Namespace, ns);
    const quota = h.server.get('resourcequotas', NS, 'ml-platform-quota')!;
    expect(quota.spec!.hard).toMatchObject({
      'requests.cpu': '4000m',
      'requests.memory': '8192Mi',
    });
    validateAs(ResourceQuota, quota);

    const jobs = h.server.list('jobs', NS);
    expect(jobs).toHaveLength(1);
    const job = jobs[0];
    expect(job.metadata!.name).toBe(`job-${spec.workloadId}-1`);
    expect(job.spec!.backoffLimit).toBe(0);
    expect(job.metadata!.labels).toMatchObject({
      'ml-platform.io/workload-id': spec.workloadId,
      'ml-platform.io/attempt': '1',
    });
    const main = job.spec!.template.spec!.containers[0];
    expect(main.resources!.limits).toEqual({ cpu: '1000m', memory: '512Mi' });
    expect(main.env).toEqual(
      expect.arrayContaining([
        { name: 'ML_API_URL', value: 'http://ml.example:7007/api/ml' },
      ]),
    );
    const init = job.spec!.template.spec!.initContainers![0];
    expect(init.env).toEqual(
      expect.arrayContaining([
        {
          name: 'ML_SNAPSHOT_URL',
          value: 'http://ml.example:7007/api/ml/workload-api/v1/snapshot',
        },
        {
          name: 'ML_WORKLOAD_TOKEN',
          valueFrom: {
            secretKeyRef: {
              name: `job-${spec.workloadId}-1-token`,
              key: 'ML_WORKLOAD_TOKEN',
            },
          },
        },
      ]),
    );
    // The token and the secret env are in a Secret the Job owns, not in the pod spec.
    expect(main.env).toEqual(
      expect.arrayContaining([
        {
          name: 'API_KEY',
          valueFrom: {
            secretKeyRef: {
              name: `job-${spec.workloadId}-1-token`,
              key: 'API_KEY',
            },
          },
        },
      ]),
    );
    expect(init.env!.map(e => e.name)).not.toContain('API_KEY');
    expect(JSON.stringify(job)).not.toContain('wt-1');
    expect(JSON.stringify(job)).not.toContain('s3cret-api-key');
    const secret = h.server.get(
      'secrets',
      NS,
      `job-${spec.workloadId}-1-token`,
    )!;
    expect(secret.stringData).toEqual({
      ML_WORKLOAD_TOKEN: 'wt-1',
      API_KEY: 's3cret-api-key',
    });
    expect(secret.metadata!.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'Job', uid: job.metadata!.uid }),
    ]);
    validateAs(Secret, secret);
    expect(job.spec!.template.spec!.imagePullSecrets).toEqual([
      { name: 'registry' },
    ]);
    validateAs(Job, job);
    expect(
      h.server.requests.filter(
        r => r === `POST /apis/batch/v1/namespaces/${NS}/jobs`,
      ),
    ).toHaveLength(2);

    expect(await waitFor(() => observed(spec.workloadId))).toMatchObject({
      phase: 'pending',
    });
    const pod = h.server.list('pods', NS)[0];
    h.server.setStatus('pods', NS, pod.metadata!.name!, {
      phase: 'Running',
      containerStatuses: [{ name: 'main', state: { running: {} } }],
    });
    await waitFor(
      async () => (await observed(spec.workloadId))?.phase === 'running',
    );
    h.server.setStatus('pods', NS, pod.metadata!.name!, {
      phase: 'Failed',
      containerStatuses: [
        {
          name: 'main',
          state: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
        },
      ],
    });
    h.server.setStatus('jobs', NS, job.metadata!.name!, {
      conditions: [
        { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' },
      ],
    });
    expect(await observedFailed(spec.workloadId)).toMatchObject({
      exitCode: 137,
      reason: 'OOMKilled: the workload ran out of memory',
    });

    // Forgotten: kept for its logs, no longer observed.
    await h.driver.forget(spec);
    expect(await observed(spec.workloadId)).toBeUndefined();
    expect(h.server.list('jobs', NS)).toHaveLength(1);
  });

  it('runs a session as a Pod with a Service it owns; stopping deletes both', async () => {
    h = await startHarness();
    const spec = specFor('session', {
      args: ['-m', 'ml_platform.session_kernel'],
    });
    await h.driver.start(spec);
    const pod = h.server.get('pods', NS, `session-${spec.workloadId}-1`)!;
    validateAs(Pod, pod);
    expect(pod.spec!.restartPolicy).toBe('Never');
    expect(pod.spec!.containers[0].env).toEqual(
      expect.arrayContaining([
        { name: 'ML_KERNEL_PORT', value: '8080' },
        { name: 'ML_APP_PORT', value: '8081' },
      ]),
    );
    const service = h.server.get(
      'services',
      NS,
      `session-${spec.workloadId}-1`,
    )!;
    validateAs(Service, service);
    expect(service.metadata!.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'Pod', uid: pod.metadata!.uid }),
    ]);

    h.server.setStatus('pods', NS, pod.metadata!.name!, {
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: '0/3 nodes are available: 3 Insufficient cpu.',
        },
      ],
    });
    await waitFor(async () =>
      (
        await observed(spec.workloadId)
      )?.reason?.startsWith('the cluster has no room'),
    );
    h.server.setStatus('pods', NS, pod.metadata!.name!, {
      phase: 'Running',
      containerStatuses: [{ name: 'main', state: { running: {} } }],
    });
    await waitFor(
      async () => (await observed(spec.workloadId))?.phase === 'running',
    );
    expect(await h.driver.endpoint(spec, 'kernel')).toEqual({
      url: `http://session-${spec.workloadId}-1.${NS}.svc:8080`,
    });

    await h.driver.stop(spec);
    await h.driver.stop(spec); // twice is fine
    expect(h.server.list('pods', NS)).toHaveLength(0);
    expect(h.server.list('services', NS)).toHaveLength(0);
    await waitFor(async () => (await observed(spec.workloadId)) === undefined);
  });

  it('maps ImagePullBackOff to a failure with the reason', async () => {
    h = await startHarness();
    const spec = specFor('session');
    await h.driver.start(spec);
    h.server.setStatus('pods', NS, `session-${spec.workloadId}-1`, {
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'main',
          state: {
            waiting: {
              reason: 'ImagePullBackOff',
              message: 'Back-off pulling image "nope"',
            },
          },
        },
      ],
    });
    expect(await observedFailed(spec.workloadId)).toMatchObject({
      reason: 'ImagePullBackOff: Back-off pulling image "nope"',
    });
  });

  it('defers (does not fail) a start the namespace quota refuses, with the refusal as reason', async () => {
    h = await startHarness();
    const small = { cpu: 1, memoryMiB: 8192, gpu: 0 };
    await h.driver.start(
      specFor('session', {
        workloadId: 'a0000000-0000-4000-8000-000000000001',
        quota: small,
      }),
    );
    const second = h.driver.start(
      specFor('session', {
        workloadId: 'a0000000-0000-4000-8000-000000000002',
        quota: small,
      }),
    );
    const error = await second.catch(e => e);
    expect(isStartDeferredError(error)).toBe(true);
    expect(error.message).toMatch(
      /^the cluster quota of namespace ml-.* is used up: .*exceeded quota: ml-platform-quota/,
    );
    // Jobs pass admission; the driver checks the quota before creating one.
    const job = await h.driver
      .start(
        specFor('job', {
          workloadId: 'a0000000-0000-4000-8000-000000000003',
          quota: small,
        }),
      )
      .catch(e => e);
    expect(isStartDeferredError(job)).toBe(true);
    expect(h.server.list('jobs', NS)).toHaveLength(0);
  });

  it('lists again after a 410 Gone and after each resync, and picks up what changed meanwhile', async () => {
    h = await startHarness({ resyncSeconds: 1 });
    await waitFor(async () => (await h.driver.status('k8s')).available);
    const spec = specFor('session');
    await h.driver.start(spec);
    h.server.compact();
    h.server.dropWatches(); // the reconnect asks for a compacted version: 410
    h.server.setStatus('pods', NS, `session-${spec.workloadId}-1`, {
      phase: 'Running',
      containerStatuses: [{ name: 'main', state: { running: {} } }],
    });
    await waitFor(
      async () => (await observed(spec.workloadId))?.phase === 'running',
    );
    const lists = h.server.requests.filter(
      r => r === 'GET /api/v1/pods',
    ).length;
    await waitFor(
      () =>
        h.server.requests.filter(r => r === 'GET /api/v1/pods').length > lists,
      4000,
      'a resync',
    );
  });

  it('streams a pod log, following until the pod ends', async () => {
    h = await startHarness();
    const spec = specFor('job');
    await h.driver.start(spec);
    const pod = await waitFor(() => h.server.list('pods', NS)[0]);
    h.server.logs.set(`${NS}/${pod.metadata!.name}`, ['epoch 1']);
    const lines: string[] = [];
    const reading = (async () => {
      for await (const line of h.driver.logs(spec, { follow: true }))
        lines.push(line);
    })();
    await new Promise(r => setTimeout(r, 100)); // pending: waits for the container
    h.server.setStatus('pods', NS, pod.metadata!.name!, {
      phase: 'Running',
      containerStatuses: [{ name: 'main', state: { running: {} } }],
    });
    await waitFor(() => lines.length === 1);
    h.server.logs.get(`${NS}/${pod.metadata!.name}`)!.push('epoch 2');
    await waitFor(() => lines.length === 2);
    h.server.setStatus('pods', NS, pod.metadata!.name!, { phase: 'Succeeded' });
    await reading;
    expect(lines).toEqual(['epoch 1', 'epoch 2']);
  });

  it('deletes a project: its namespace and everything in it', async () => {
    h = await startHarness();
    await h.driver.start(specFor('session'));
    await h.driver.start(
      specFor('job', { workloadId: 'b0000000-0000-4000-8000-000000000001' }),
    );
    await h.driver.deleteProject('k8s', '5d1b2d7e-1111-4222-8333-444455556666');
    await h.driver.deleteProject('k8s', '5d1b2d7e-1111-4222-8333-444455556666'); // 404: fine
    expect(h.server.list('namespaces')).toHaveLength(0);
    expect([
      ...h.server.list('pods'),
      ...h.server.list('jobs'),
      ...h.server.list('services'),
    ]).toEqual([]);
  });
});
