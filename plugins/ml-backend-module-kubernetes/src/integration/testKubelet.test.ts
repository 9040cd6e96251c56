import type {
  V1Job,
  V1Lease,
  V1NetworkPolicy,
  V1Node,
  V1Pod,
} from '@kubernetes/client-node';
import { Json, JsonList } from '../client/json';
import { hasStatus } from '../client/KubeApiError';
import { specFor } from '../__testUtils__/driverHarness';
import { waitFor } from '../__testUtils__/waitFor';
import {
  describeIfCluster,
  driverOnCluster,
  testKubelet,
} from '../__testUtils__/clusterEnv';

/**
 * The driver against kube-apiserver, controller-manager and scheduler 1.20.2
 * with the test kubelet as the only node: the Job and ReplicaSet controllers
 * make the pods, the scheduler binds them, the kubelet "runs" them.
 */

jest.setTimeout(120_000);

describeIfCluster('KubernetesDriver with the test kubelet', () => {
  const { driver, admin } = driverOnCluster(10);
  const kubelet = testKubelet(admin, 'kubelet-test-node');
  const projectId = `kl${Date.now()}`;
  const NS = `ml-${projectId}`;
  const id = (n: number) => `d0000000-0000-4000-8000-00000000000${n}`;
  const observed = async (workloadId: string) =>
    (await driver.observe()).find(o => o.workloadId === workloadId);
  /** What the driver observes of the workload once it is in `phase`. */
  const inPhase = (workloadId: string, phase: string, what: string) =>
    waitFor(
      async () => {
        const o = await observed(workloadId);
        return o?.phase === phase && o;
      },
      60_000,
      what,
    );

  beforeAll(async () => {
    await kubelet.start();
    driver.startWatching();
    await waitFor(
      async () => (await driver.status('k8s')).available,
      30_000,
      'sync',
    );
  });
  afterAll(async () => {
    await driver.deleteProject('k8s', projectId).catch(() => undefined);
    await driver.shutdown();
    await kubelet.stop();
  });

  it('registers a Ready node the node lifecycle controller leaves untainted', async () => {
    const node = await admin.get<Json<V1Node>>(
      '/api/v1/nodes/kubelet-test-node',
    );
    expect(node.status!.conditions!.find(c => c.type === 'Ready')!.status).toBe(
      'True',
    );
    expect(node.status!.allocatable).toMatchObject({
      cpu: '8',
      memory: '32Gi',
    });
    const lease = await admin.get<Json<V1Lease>>(
      '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/kubelet-test-node',
    );
    expect(lease.spec!.holderIdentity).toBe('kubelet-test-node');
    expect(node.spec!.taints ?? []).toEqual([]);
  });

  it('runs a Job to success: Job controller, scheduler, kubelet, Complete', async () => {
    const spec = specFor('job', { projectId, workloadId: id(1) });
    await driver.start(spec);
    const done = await inPhase(
      spec.workloadId,
      'succeeded',
      'the job to complete',
    );
    expect(done.exitCode).toBe(0);
    const job = await admin.get<Json<V1Job>>(
      `/apis/batch/v1/namespaces/${NS}/jobs/job-${spec.workloadId}-1`,
    );
    expect(job.status!.conditions).toEqual([
      expect.objectContaining({ type: 'Complete', status: 'True' }),
    ]);
    const lines: string[] = [];
    for await (const line of driver.logs(spec, { follow: false }))
      lines.push(line);
    expect(lines).toEqual([
      expect.stringContaining('started python3 train.py'),
      'test kubelet: exited with code 0',
    ]);
  });

  it('maps a failed Job pod to its exit code, and OOMKilled to its reason', async () => {
    const failing = specFor('job', {
      projectId,
      workloadId: id(2),
      env: { ML_WORKLOAD_TOKEN: 't', ML_TEST_EXIT_CODE: '3' },
    });
    const oom = specFor('job', {
      projectId,
      workloadId: id(3),
      env: {
        ML_WORKLOAD_TOKEN: 't',
        ML_TEST_EXIT_CODE: '137',
        ML_TEST_EXIT_REASON: 'OOMKilled',
      },
    });
    await driver.start(failing);
    await driver.start(oom);
    const failed = await inPhase(
      failing.workloadId,
      'failed',
      'the job to fail',
    );
    expect(failed).toMatchObject({
      exitCode: 3,
      reason: 'the workload exited with code 3',
    });
    const killed = await inPhase(
      oom.workloadId,
      'failed',
      'the OOM job to fail',
    );
    expect(killed.reason).toBe('OOMKilled: the workload ran out of memory');
  });

  it('runs pods as a non-root uid behind the namespace NetworkPolicy; a pod that names no uid is refused as a kubelet would', async () => {
    const spec = specFor('session', { projectId, workloadId: id(6) });
    await driver.start(spec);
    await inPhase(spec.workloadId, 'running', 'the session pod');
    const pod = await admin.get<Json<V1Pod>>(
      `/api/v1/namespaces/${NS}/pods/session-${spec.workloadId}-1`,
    );
    expect(pod.spec!.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      fsGroup: 1000,
    });
    expect(pod.spec!.containers[0].securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.spec!.automountServiceAccountToken).toBe(false);
    const policy = await admin.get<Json<V1NetworkPolicy>>(
      `/apis/networking.k8s.io/v1/namespaces/${NS}/networkpolicies/ml-platform-ingress`,
    );
    expect(policy.spec).toMatchObject({
      podSelector: {},
      policyTypes: ['Ingress'],
    });
    expect(policy.spec!.ingress![0].from).toHaveLength(2);
    await driver.stop(spec);

    await admin.request('POST', `/api/v1/namespaces/${NS}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'no-uid' },
      spec: {
        nodeName: 'kubelet-test-node',
        automountServiceAccountToken: false,
        securityContext: { runAsNonRoot: true },
        containers: [{ name: 'main', image: 'python:3.12-slim' }],
      },
    });
    const refused = await waitFor(
      async () => {
        const p = await admin.get<Json<V1Pod>>(
          `/api/v1/namespaces/${NS}/pods/no-uid`,
        );
        return (
          p.status?.containerStatuses?.[0]?.state?.waiting?.reason ===
            'CreateContainerConfigError' && p
        );
      },
      30_000,
      'the kubelet to refuse the pod',
    );
    expect(
      refused.status!.containerStatuses![0].state!.waiting!.message,
    ).toContain('runAsNonRoot and image will run as root');
    await admin.request('DELETE', `/api/v1/namespaces/${NS}/pods/no-uid`, {
      gracePeriodSeconds: 0,
    });
  });

  it('runs a one-replica Deployment until it is stopped; the kubelet finalizes its pod', async () => {
    const spec = specFor('model', {
      projectId,
      workloadId: id(4),
      ports: ['model'],
    });
    await driver.start(spec);
    await inPhase(spec.workloadId, 'running', 'the replica to be ready');
    const pods = await admin.get<JsonList<Json<V1Pod>>>(
      `/api/v1/namespaces/${NS}/pods`,
      {
        labelSelector: `ml-platform.io/workload-id=${spec.workloadId}`,
      },
    );
    expect(pods.items).toHaveLength(1);
    expect(pods.items![0].spec!.nodeName).toBe('kubelet-test-node');
    await driver.stop(spec);
    await waitFor(
      async () => {
        const left = await admin.get<JsonList<Json<V1Pod>>>(
          `/api/v1/namespaces/${NS}/pods`,
          {
            labelSelector: `ml-platform.io/workload-id=${spec.workloadId}`,
          },
        );
        return left.items!.length === 0;
      },
      60_000,
      'the replica pod to be gone',
    );
    expect(await observed(spec.workloadId)).toBeUndefined();
  });

  it('deleting the project removes the namespace completely (the kubelet finalizes its pods)', async () => {
    const session = specFor('session', { projectId, workloadId: id(5) });
    await driver.start(session);
    await inPhase(session.workloadId, 'running', 'the session pod');
    await driver.deleteProject('k8s', projectId);
    await waitFor(
      async () =>
        hasStatus(
          await admin.get(`/api/v1/namespaces/${NS}`).catch((e: unknown) => e),
          404,
        ),
      90_000,
      'the namespace to go',
    );
  });
});
