import { WorkloadKind } from '@ml-platform/plugin-ml-node';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { Pod, Secret, Service } from 'kubernetes-models/v1';
import { restrictedViolations } from '../__testUtils__/podSecurity';
import { validateAs } from '../__testUtils__/validateAs';
import {
  PROJECT_ID,
  settingsFor,
  specFor,
} from '../__testUtils__/driverHarness';
import { ML_KUBERNETES_LABELS } from '@ml-platform/plugin-ml-common';
import { namespaceManifest, workloadManifests } from './manifests';
import { networkPolicyManifest, sameNetworkPolicy } from './networkPolicy';

const MODEL_ID = '7a7a7a7a-0000-4000-8000-000000000001';

/** Model replicas and applications: a one-replica apps/v1 Deployment + Service, valid for kubernetes-models. */
describe('Deployment manifests', () => {
  const settings = settingsFor('https://k8s.example:6443');

  it('makes a model replica a one-replica Deployment labelled with its model, and a Service for its port', () => {
    const spec = specFor('model', {
      workloadId: 'b0000000-0000-4000-8000-000000000001',
      attempt: 2,
      ports: ['model'],
      args: ['-m', 'ml_platform.model_server'],
      env: { ML_WORKLOAD_TOKEN: 'wt', ML_MODEL_ID: MODEL_ID },
      resources: { cpu: 2, memoryMiB: 2048, gpu: 1 },
    });
    const { workload, service, name, namespace } = workloadManifests(
      settings,
      spec,
    );
    validateAs(Deployment, workload);
    expect(workload).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace },
    });
    expect(name).toBe('model-b0000000-0000-4000-8000-000000000001-2');
    expect(workload.metadata!.labels).toMatchObject({
      'backstage.io/kubernetes-id': `ml-model-${MODEL_ID}`,
      'app.kubernetes.io/managed-by': 'ml-platform',
      'ml-platform.io/workload-id': spec.workloadId,
      'ml-platform.io/attempt': '2',
      'ml-platform.io/kind': 'model',
    });
    expect(workload.spec!.replicas).toBe(1);
    // The selector picks exactly this attempt's pods, which carry the same labels.
    for (const [k, v] of Object.entries(workload.spec!.selector.matchLabels!)) {
      expect(workload.spec!.template.metadata!.labels![k]).toBe(v);
    }
    const pod = workload.spec!.template.spec!;
    expect(pod.restartPolicy).toBe('Always');
    const main = pod.containers[0];
    expect(main.resources!.limits).toEqual({
      cpu: '2000m',
      memory: '2048Mi',
      'nvidia.com/gpu': '1',
    });
    expect(main.ports).toEqual([{ name: 'model', containerPort: 8080 }]);
    expect(main.env).toEqual(
      expect.arrayContaining([{ name: 'ML_MODEL_PORT', value: '8080' }]),
    );

    validateAs(Service, service!);
    expect(service!.metadata!.name).toBe(name);
    expect(service!.spec!.selector).toEqual(
      workload.spec!.selector.matchLabels,
    );
    expect(service!.spec!.ports).toEqual([
      { name: 'model', port: 8080, targetPort: 8080, protocol: 'TCP' },
    ]);
  });

  it('makes an application a Deployment named app-… under its project id, with a Service per port', () => {
    const spec = specFor('application', {
      workloadId: 'b0000000-0000-4000-8000-000000000002',
      ports: ['app', 'metrics'],
    });
    const { workload, service } = workloadManifests(settings, spec);
    validateAs(Deployment, workload);
    validateAs(Service, service!);
    expect(workload.metadata!.name).toBe(
      'app-b0000000-0000-4000-8000-000000000002-1',
    );
    expect(workload.metadata!.labels!['backstage.io/kubernetes-id']).toBe(
      `ml-project-${spec.projectId}`,
    );
    expect(service!.spec!.ports!.map(p => [p.name, p.port])).toEqual([
      ['app', 8080],
      ['metrics', 8081],
    ]);
  });

  it('labels every workload with its workspace and project, and an application with its slug, as the catalog selects them', () => {
    const app = workloadManifests(
      settings,
      specFor('application', {
        env: { ML_WORKLOAD_TOKEN: 'wt', ML_APP_SLUG: 'churn-dashboard' },
      }),
    ).workload;
    expect(app.spec!.template.metadata!.labels).toMatchObject({
      [ML_KUBERNETES_LABELS.workspace]: 'k8s',
      [ML_KUBERNETES_LABELS.projectId]: PROJECT_ID,
      [ML_KUBERNETES_LABELS.applicationSlug]: 'churn-dashboard',
    });
    const job = workloadManifests(settings, specFor('job')).workload;
    expect(job.metadata!.labels).toMatchObject({
      [ML_KUBERNETES_LABELS.workspace]: 'k8s',
      [ML_KUBERNETES_LABELS.projectId]: PROJECT_ID,
    });
    expect(job.metadata!.labels).not.toHaveProperty(
      ML_KUBERNETES_LABELS.applicationSlug,
    );
  });

  it('gives a model replica without ports no Service, and one without ML_MODEL_ID its project id', () => {
    const { workload, service } = workloadManifests(
      settings,
      specFor('model', { ports: [] }),
    );
    validateAs(Deployment, workload);
    expect(service).toBeUndefined();
    expect(workload.metadata!.labels!['backstage.io/kubernetes-id']).toMatch(
      /^ml-project-/,
    );
  });
});

describe('pod security in every manifest', () => {
  const settings = settingsFor('https://k8s.example:6443', {
    podIdentity: { runAsUser: 4242, runAsGroup: 4343, fsGroup: 4444 },
  });
  const kinds = ['session', 'job', 'build', 'model', 'application'] as const;

  /** The pod spec a kind's workload runs, which is valid as its kind of object. */
  const validPodSpec = (kind: WorkloadKind) => {
    if (kind === 'session') {
      const { workload } = workloadManifests(settings, specFor(kind));
      validateAs(Pod, workload);
      return workload.spec!;
    }
    if (kind === 'job' || kind === 'build') {
      const { workload } = workloadManifests(settings, specFor(kind));
      validateAs(Job, workload);
      return workload.spec!.template.spec!;
    }
    const { workload } = workloadManifests(settings, specFor(kind));
    validateAs(Deployment, workload);
    return workload.spec!.template.spec!;
  };

  it.each(kinds)(
    'runs a %s as the configured non-root uid, without privileges or a service-account token',
    kind => {
      const pod = validPodSpec(kind);
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(pod.securityContext).toEqual({
        runAsNonRoot: true,
        runAsUser: 4242,
        runAsGroup: 4343,
        fsGroup: 4444,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      for (const container of [...pod.initContainers!, ...pod.containers]) {
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
      }
      expect(restrictedViolations(pod)).toEqual([]);
      expect(pod.containers[0].env).toEqual(
        expect.arrayContaining([{ name: 'HOME', value: '/home/ml/project' }]),
      );
    },
  );

  it("keeps a session's kernel secret in the attempt's Secret, new for each attempt", () => {
    const spec = specFor('session', { env: { ML_WORKLOAD_TOKEN: 'wt' } });
    const first = workloadManifests(settings, spec);
    const secret = first.secret.stringData!.ML_KERNEL_SECRET;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    validateAs(Secret, first.secret);
    expect(JSON.stringify(first.workload)).not.toContain(secret);
    expect(first.workload.spec!.containers[0].env).toEqual(
      expect.arrayContaining([
        {
          name: 'ML_KERNEL_SECRET',
          valueFrom: {
            secretKeyRef: {
              name: `${first.name}-token`,
              key: 'ML_KERNEL_SECRET',
            },
          },
        },
      ]),
    );
    const next = workloadManifests(settings, { ...spec, attempt: 2 });
    expect(next.secret.stringData!.ML_KERNEL_SECRET).not.toBe(secret);
    // Jobs have no kernel.
    expect(
      workloadManifests(settings, specFor('job')).secret.stringData,
    ).toEqual({
      ML_WORKLOAD_TOKEN: 'wt-1',
    });
  });
});

describe('the namespace NetworkPolicy', () => {
  const settings = settingsFor('https://k8s.example:6443');
  const spec = specFor('job');
  const policy = (backend: Parameters<typeof networkPolicyManifest>[2]) =>
    networkPolicyManifest(settings, spec, backend);

  it('selects every pod of the namespace and admits the backend alone', () => {
    const p = policy({
      namespaceLabels: { team: 'platform' },
      cidrs: ['10.1.0.0/16', '10.2.0.7/32'],
    });
    validateAs(NetworkPolicy, p);
    expect(p.metadata).toEqual({
      name: 'ml-platform-ingress',
      namespace: 'ml-5d1b2d7e-1111-4222-8333-444455556666',
      labels: namespaceManifest(settings, spec).metadata.labels,
    });
    expect(p.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { team: 'platform' } } },
            { ipBlock: { cidr: '10.1.0.0/16' } },
            { ipBlock: { cidr: '10.2.0.7/32' } },
          ],
        },
      ],
    });
  });

  it('admits nothing when no backend is configured', () => {
    const p = policy({ cidrs: [], namespaceLabels: {}, podLabels: undefined });
    validateAs(NetworkPolicy, p);
    expect(p.spec.ingress).toEqual([]);
    // The apiserver leaves the empty list out: still the same policy.
    expect(
      sameNetworkPolicy(
        { spec: { podSelector: {}, policyTypes: ['Ingress'] } },
        p,
      ),
    ).toBe(true);
    expect(
      sameNetworkPolicy(
        { spec: { podSelector: {}, policyTypes: ['Ingress'] } },
        policy({ cidrs: ['10.0.0.1/32'] }),
      ),
    ).toBe(false);
  });
});

describe('secret env in manifests', () => {
  const settings = settingsFor('https://k8s.example:6443');

  it("passes secret env only through the attempt's Secret, never as a value in the pod spec", () => {
    const spec = specFor('application', {
      ports: ['app'],
      env: { ML_WORKLOAD_TOKEN: 'wt', PLAIN: 'shown' },
      secretEnv: {
        DB_PASSWORD: 'hunter2-db',
        ML_APP_PORT: 'not-the-port',
        ML_WORKLOAD_TOKEN: 'not-the-token',
      },
    });
    const { workload, secret, name } = workloadManifests(settings, spec);
    validateAs(Deployment, workload);
    validateAs(Secret, secret);
    const main = workload.spec!.template.spec!.containers[0];
    const ref = (key: string) => ({
      secretKeyRef: { name: `${name}-token`, key },
    });
    expect(main.env).toEqual(
      expect.arrayContaining([
        { name: 'PLAIN', value: 'shown' },
        { name: 'DB_PASSWORD', valueFrom: ref('DB_PASSWORD') },
        { name: 'ML_WORKLOAD_TOKEN', valueFrom: ref('ML_WORKLOAD_TOKEN') },
        // The platform's own variables win over a secret of the same name.
        { name: 'ML_APP_PORT', value: '8080' },
      ]),
    );
    const names = main.env!.map(e => e.name);
    expect(names.length).toBe(new Set(names).size);
    expect(JSON.stringify(workload)).not.toMatch(
      /hunter2-db|not-the-port|not-the-token/,
    );
    expect(secret.stringData).toMatchObject({
      DB_PASSWORD: 'hunter2-db',
      ML_WORKLOAD_TOKEN: 'wt',
    });
  });

  it('keeps the Secret to the token when there is no secret env', () => {
    const { secret, workload } = workloadManifests(
      settings,
      specFor('job', { env: { ML_WORKLOAD_TOKEN: 'wt' } }),
    );
    expect(secret.stringData).toEqual({ ML_WORKLOAD_TOKEN: 'wt' });
    const main = workload.spec!.template.spec!.containers[0];
    expect(main.env!.filter(e => e.valueFrom).map(e => e.name)).toEqual([
      'ML_WORKLOAD_TOKEN',
    ]);
  });
});
