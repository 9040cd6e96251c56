import type { V1ResourceQuota, V1Secret } from '@kubernetes/client-node';
import {
  Job,
  ModelBuild,
  ModelDeployment,
  Workload,
  WorkloadEvent,
  Workspace,
} from '@ml-platform/plugin-ml-common';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- end to end: the ML backend this module plugs into
import {
  createTestDatabases,
  MlTestBackend,
} from '@ml-platform/plugin-ml-backend/testUtils';
import { Json } from '../client/json';
import { hasStatus } from '../client/KubeApiError';
import { MlApiClient } from '../__testUtils__/mlApiClient';
import { startMlBackendOnCluster } from '../__testUtils__/mlBackendOnCluster';
import { waitFor } from '../__testUtils__/waitFor';
import { workloadObjects } from '../__testUtils__/workloadObjects';
import { WatchedKind } from '../driver/ClusterCache';
import {
  adminClient,
  clusterSettings,
  clusterEnv,
  describeIfCluster,
  testKubelet,
} from '../__testUtils__/clusterEnv';

/**
 * End to end through the ML API: the ML backend with this module, a
 * workspace whose driver is `kubernetes`, kube-apiserver, controller-manager
 * and scheduler 1.20.2 (scripts/kube) and the test kubelet as the node.
 * Containers do not really run (the kubelet only reports them), so model
 * replicas never answer the backend's health probe: the deployment test
 * checks what is real here, the replica workloads and their Deployments.
 */

jest.setTimeout(180_000);
const databases = createTestDatabases();

describeIfCluster(
  'the ML API on Kubernetes (kube-apiserver 1.20.2 + test kubelet)',
  () => {
    const admin = adminClient(clusterSettings());
    const kubelet = testKubelet(admin, 'ml-e2e-node');
    let backend: MlTestBackend;
    let baseUrl: string;
    let runtimeId: string;
    let projectId: string;

    const { ok, workload, ended, newProject } = new MlApiClient(() => baseUrl);
    const objects = <Kind extends WatchedKind>(
      ns: string,
      kind: Kind,
      workloadId: string,
    ) => workloadObjects(admin, ns, kind, workloadId);
    /** The job that runs train.py, in a project of this test. */
    const trainJob = (project: string) =>
      ok<Job>('POST', `/projects/${project}/jobs`, {
        name: 'train',
        script: 'train.py',
        runtimeId,
        profile: 'small',
      });
    const startRun = (project: string, job: Job, body: object) =>
      ok<Workload>('POST', `/projects/${project}/jobs/${job.id}/runs`, body);

    beforeAll(async () => {
      await kubelet.start();
      ({ backend, baseUrl, runtimeId } = await startMlBackendOnCluster(
        databases,
        clusterEnv!,
      ));
      projectId = await newProject('churn');
    });

    afterAll(async () => {
      await backend?.stop();
      await kubelet.stop();
    });

    it('shows the workspace available, with the cluster in sync', async () => {
      expect(
        (await ok<Workspace>('GET', '/workspaces/k8s')).availability,
      ).toEqual({
        available: true,
      });
    });

    it('runs a job to success as a batch/v1 Job, and one that fails with its exit code as the reason', async () => {
      const job = await trainJob(projectId);
      const good = await startRun(projectId, job, {
        env: { API_KEY: { secret: true, value: 'kube-secret-value' } },
      });
      expect(await ended(good.id)).toMatchObject({
        state: 'succeeded',
        exitCode: 0,
      });
      const [k8sJob] = await objects(`ml-${projectId}`, 'jobs', good.id);
      // The run's secret reaches the pod through the attempt's Secret only.
      const main = k8sJob.spec!.template.spec!.containers[0];
      const secretName = `job-${good.id}-1-token`;
      expect(main.env).toEqual(
        expect.arrayContaining([
          {
            name: 'API_KEY',
            valueFrom: { secretKeyRef: { name: secretName, key: 'API_KEY' } },
          },
        ]),
      );
      const [pod] = await objects(`ml-${projectId}`, 'pods', good.id);
      expect(JSON.stringify([k8sJob, pod])).not.toContain('kube-secret-value');
      const secret = await admin.get<Json<V1Secret>>(
        `/api/v1/namespaces/ml-${projectId}/secrets/${secretName}`,
      );
      expect(Buffer.from(secret.data!.API_KEY, 'base64').toString()).toBe(
        'kube-secret-value',
      );
      expect(JSON.stringify(await workload(good.id))).not.toContain(
        'kube-secret-value',
      );
      expect(k8sJob.status!.conditions).toEqual([
        expect.objectContaining({ type: 'Complete', status: 'True' }),
      ]);
      expect(k8sJob.metadata!.labels).toMatchObject({
        'app.kubernetes.io/managed-by': 'ml-platform',
        'backstage.io/kubernetes-id': `ml-project-${projectId}`,
      });
      // The engine passes the charged quota (the workspace's default user quota here); the namespace mirrors it.
      const quota = await admin.get<Json<V1ResourceQuota>>(
        `/api/v1/namespaces/ml-${projectId}/resourcequotas/ml-platform-quota`,
      );
      expect(quota.spec!.hard).toMatchObject({
        'requests.cpu': '6',
        'limits.cpu': '6',
        'requests.memory': '16Gi',
        'limits.memory': '16Gi',
      });
      const logs = await ok<{ lines: string[] }>(
        'GET',
        `/workloads/${good.id}/logs`,
      );
      expect(logs.lines).toEqual(
        expect.arrayContaining(['test kubelet: exited with code 0']),
      );

      // One run of a job at a time; the test kubelet ends this one with exit code 3.
      const bad = await startRun(projectId, job, {
        env: { ML_TEST_EXIT_CODE: '3' },
      });
      expect(await ended(bad.id)).toMatchObject({
        state: 'failed',
        exitCode: 3,
        reason: 'the workload exited with code 3',
      });
      const events = await ok<{ items: WorkloadEvent[] }>(
        'GET',
        `/workloads/${bad.id}/events`,
      );
      expect(events.items.map(e => e.to)).toEqual([
        'queued',
        'starting',
        'running',
        'failed',
      ]);
    });

    it('starts a session as a Pod (running once the pod is), and stopping it deletes the pod', async () => {
      const session = await ok<Workload>(
        'POST',
        `/projects/${projectId}/sessions`,
        { runtimeId, profile: 'small' },
      );
      await waitFor(
        async () =>
          (
            await ok<Workload>(
              'GET',
              `/projects/${projectId}/sessions/${session.id}`,
            )
          ).state === 'running',
        60_000,
        'the session to run',
      );
      const [pod] = await objects(`ml-${projectId}`, 'pods', session.id);
      expect(pod.status!.phase).toBe('Running');
      expect(pod.spec!.nodeName).toBe('ml-e2e-node');
      await ok('POST', `/projects/${projectId}/sessions/${session.id}/stop`);
      expect((await workload(session.id)).state).toBe('stopped');
      await waitFor(
        async () =>
          (await objects(`ml-${projectId}`, 'pods', session.id)).length === 0,
        60_000,
        'the session pod to go',
      );
    });

    it('deploys a model with 2 replicas as 2 Deployments, and a scale to 1 leaves 1', async () => {
      const base = `/projects/${projectId}/models`;
      await ok('POST', base, { name: 'doubler' });
      const build = await ok<ModelBuild>('POST', `${base}/doubler/builds`, {
        filePath: 'model.py',
        functionName: 'predict',
        runtimeId,
      });
      // The build is a Job; the test kubelet ends it with exit code 0.
      const built = await waitFor(
        async () => {
          const b = await ok<ModelBuild>(
            'GET',
            `${base}/doubler/builds/${build.id}`,
          );
          return b.state !== 'queued' && b.state !== 'building' && b;
        },
        90_000,
        'the build',
      );
      expect(built.state).toBe('built');
      expect(
        await objects(`ml-${projectId}`, 'jobs', built.workloadId!),
      ).toHaveLength(1);

      const deployment = await ok<ModelDeployment>(
        'POST',
        `${base}/doubler/deployments`,
        {
          buildId: built.id,
          profile: 'small',
          replicas: 2,
        },
      );
      const running = await waitFor(
        async () => {
          const d = await ok<ModelDeployment>(
            'GET',
            `${base}/doubler/deployments/${deployment.id}`,
          );
          return (
            d.replicaStatus?.length === 2 &&
            d.replicaStatus.every(r => r.state === 'running') &&
            d
          );
        },
        90_000,
        'two running replicas',
      );
      const replicaIds: string[] = running.replicaStatus.map(r => r.workloadId);
      for (const id of replicaIds) {
        const [d] = await objects(`ml-${projectId}`, 'deployments', id);
        expect(d.status!.readyReplicas).toBe(1);
        expect(d.metadata!.labels!['backstage.io/kubernetes-id']).toMatch(
          /^ml-model-/,
        );
      }

      await ok('PATCH', `${base}/doubler/deployments/${deployment.id}`, {
        replicas: 1,
      });
      const scaled = await waitFor(
        async () => {
          const d = await ok<ModelDeployment>(
            'GET',
            `${base}/doubler/deployments/${deployment.id}`,
          );
          return d.replicaStatus?.length === 1 && d;
        },
        60_000,
        'one replica',
      );
      const kept = scaled.replicaStatus[0].workloadId;
      const dropped = replicaIds.find(id => id !== kept)!;
      await waitFor(
        async () => (await workload(dropped)).state === 'stopped',
        60_000,
        'the dropped replica to stop',
      );
      await waitFor(
        async () =>
          (await objects(`ml-${projectId}`, 'deployments', dropped)).length ===
          0,
        60_000,
        'its Deployment to go',
      );
      expect(
        await objects(`ml-${projectId}`, 'deployments', kept),
      ).toHaveLength(1);

      await ok('POST', `${base}/doubler/deployments/${deployment.id}/stop`);
      await waitFor(
        async () =>
          (await objects(`ml-${projectId}`, 'deployments', kept)).length === 0,
        60_000,
        'the last Deployment to go',
      );
    });

    it('keeps work queued with the cluster quota as the reason while a ResourceQuota refuses it, then runs it', async () => {
      const tight = await newProject('tight');
      const ns = `ml-${tight}`;
      // A cluster admin's limit below what the ML quota allows.
      await admin.request('POST', '/api/v1/namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: ns },
      });
      await admin.request('POST', `/api/v1/namespaces/${ns}/resourcequotas`, {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'cluster-admin-limit' },
        spec: { hard: { 'requests.cpu': '500m' } },
      });
      await waitFor(
        async () =>
          (
            await admin.get<Json<V1ResourceQuota>>(
              `/api/v1/namespaces/${ns}/resourcequotas/cluster-admin-limit`,
            )
          ).status?.hard,
        30_000,
        'the quota status',
      );

      // A session is a Pod: the apiserver's ResourceQuota admission refuses it (403).
      const session = await ok<Workload>(
        'POST',
        `/projects/${tight}/sessions`,
        {
          runtimeId,
          profile: 'small',
        },
      );
      const refused = await waitFor(
        async () => {
          const w = await workload(session.id);
          return (
            w.state === 'queued' && w.reason?.includes('exceeded quota') && w
          );
        },
        60_000,
        'the session to be refused',
      );
      expect(refused.reason).toMatch(
        /the cluster quota of namespace ml-.* is used up: .*exceeded quota: cluster-admin-limit/,
      );
      await ok('POST', `/projects/${tight}/sessions/${session.id}/stop`);

      // A job is a Job, whose pods would be refused out of sight: the driver checks the quota first.
      const run = await startRun(tight, await trainJob(tight), {});
      const queued = await waitFor(
        async () => {
          const w = await workload(run.id);
          return (
            w.state === 'queued' &&
            w.reason?.includes('cluster-admin-limit') &&
            w
          );
        },
        60_000,
        'the run to be refused',
      );
      expect(queued.reason).toMatch(/used up/);
      expect(await objects(ns, 'jobs', run.id)).toEqual([]);

      // Room again: the deferred start is tried again and runs.
      await admin.request(
        'DELETE',
        `/api/v1/namespaces/${ns}/resourcequotas/cluster-admin-limit`,
      );
      expect(await ended(run.id)).toMatchObject({ state: 'succeeded' });
      const events = await ok<{ items: WorkloadEvent[] }>(
        'GET',
        `/workloads/${run.id}/events`,
      );
      expect(events.items.map(e => e.to)).toEqual([
        'queued',
        'starting',
        'queued',
        'starting',
        'running',
        'succeeded',
      ]);
    });

    it('deleting a project deletes its namespace', async () => {
      const doomed = await newProject('doomed');
      const session = await ok<Workload>(
        'POST',
        `/projects/${doomed}/sessions`,
        {
          runtimeId,
          profile: 'small',
        },
      );
      await waitFor(
        async () => (await workload(session.id)).state === 'running',
        60_000,
        'the session to run',
      );
      await ok('DELETE', `/projects/${doomed}`);
      await waitFor(
        async () =>
          hasStatus(
            await admin
              .get(`/api/v1/namespaces/ml-${doomed}`)
              .catch((e: unknown) => e),
            404,
          ),
        90_000,
        'the namespace to go',
      );
    });
  },
);
