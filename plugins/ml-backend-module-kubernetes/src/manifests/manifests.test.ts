import { Deployment } from 'kubernetes-models/apps/v1';
import { Secret, Service } from 'kubernetes-models/v1';
import { settingsFor, specFor } from '../__testUtils__/driverHarness';
import { workloadManifests } from './manifests';

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
    const { workload, service, name, namespace } = workloadManifests(settings, spec);
    new Deployment(workload).validate();
    expect(workload).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace } });
    expect(name).toBe('model-b0000000-0000-4000-8000-000000000001-2');
    expect(workload.metadata.labels).toMatchObject({
      'backstage.io/kubernetes-id': `ml-model-${MODEL_ID}`,
      'app.kubernetes.io/managed-by': 'ml-platform',
      'ml-platform.io/workload-id': spec.workloadId,
      'ml-platform.io/attempt': '2',
      'ml-platform.io/kind': 'model',
    });
    expect(workload.spec.replicas).toBe(1);
    // The selector picks exactly this attempt's pods, which carry the same labels.
    for (const [k, v] of Object.entries(workload.spec.selector.matchLabels)) {
      expect(workload.spec.template.metadata.labels[k]).toBe(v);
    }
    const pod = workload.spec.template.spec;
    expect(pod.restartPolicy).toBe('Always');
    const main = pod.containers[0];
    expect(main.resources.limits).toEqual({ cpu: '2000m', memory: '2048Mi', 'nvidia.com/gpu': '1' });
    expect(main.ports).toEqual([{ name: 'model', containerPort: 8080 }]);
    expect(main.env).toEqual(expect.arrayContaining([{ name: 'ML_MODEL_PORT', value: '8080' }]));

    new Service(service).validate();
    expect(service.metadata.name).toBe(name);
    expect(service.spec.selector).toEqual(workload.spec.selector.matchLabels);
    expect(service.spec.ports).toEqual([{ name: 'model', port: 8080, targetPort: 8080, protocol: 'TCP' }]);
  });

  it('makes an application a Deployment named app-… under its project id, with a Service per port', () => {
    const spec = specFor('application', { workloadId: 'b0000000-0000-4000-8000-000000000002', ports: ['app', 'metrics'] });
    const { workload, service } = workloadManifests(settings, spec);
    new Deployment(workload).validate();
    new Service(service).validate();
    expect(workload.metadata.name).toBe('app-b0000000-0000-4000-8000-000000000002-1');
    expect(workload.metadata.labels['backstage.io/kubernetes-id']).toBe(`ml-project-${spec.projectId}`);
    expect(service.spec.ports.map((p: any) => [p.name, p.port])).toEqual([['app', 8080], ['metrics', 8081]]);
  });

  it('gives a model replica without ports no Service, and one without ML_MODEL_ID its project id', () => {
    const { workload, service } = workloadManifests(settings, specFor('model', { ports: [] }));
    new Deployment(workload).validate();
    expect(service).toBeUndefined();
    expect(workload.metadata.labels['backstage.io/kubernetes-id']).toMatch(/^ml-project-/);
  });
});

describe('secret env in manifests', () => {
  const settings = settingsFor('https://k8s.example:6443');

  it('passes secret env only through the attempt\'s Secret, never as a value in the pod spec', () => {
    const spec = specFor('application', {
      ports: ['app'],
      env: { ML_WORKLOAD_TOKEN: 'wt', PLAIN: 'shown' },
      secretEnv: { DB_PASSWORD: 'hunter2-db', ML_APP_PORT: 'not-the-port', ML_WORKLOAD_TOKEN: 'not-the-token' },
    });
    const { workload, secret, name } = workloadManifests(settings, spec);
    new Deployment(workload).validate();
    new Secret(secret).validate();
    const main = workload.spec.template.spec.containers[0];
    const ref = (key: string) => ({ secretKeyRef: { name: `${name}-token`, key } });
    expect(main.env).toEqual(
      expect.arrayContaining([
        { name: 'PLAIN', value: 'shown' },
        { name: 'DB_PASSWORD', valueFrom: ref('DB_PASSWORD') },
        { name: 'ML_WORKLOAD_TOKEN', valueFrom: ref('ML_WORKLOAD_TOKEN') },
        // The platform's own variables win over a secret of the same name.
        { name: 'ML_APP_PORT', value: '8080' },
      ]),
    );
    const names = main.env.map((e: any) => e.name);
    expect(names.length).toBe(new Set(names).size);
    expect(JSON.stringify(workload)).not.toMatch(/hunter2-db|not-the-port|not-the-token/);
    expect(secret.stringData).toMatchObject({ DB_PASSWORD: 'hunter2-db', ML_WORKLOAD_TOKEN: 'wt' });
  });

  it('keeps the Secret to the token when there is no secret env', () => {
    const { secret, workload } = workloadManifests(settings, specFor('job', { env: { ML_WORKLOAD_TOKEN: 'wt' } }));
    expect(secret.stringData).toEqual({ ML_WORKLOAD_TOKEN: 'wt' });
    const main = workload.spec.template.spec.containers[0];
    expect(main.env.filter((e: any) => e.valueFrom).map((e: any) => e.name)).toEqual(['ML_WORKLOAD_TOKEN']);
  });
});
