import type {
  KubernetesObject,
  V1Deployment,
  V1Job,
  V1LabelSelector,
  V1Namespace,
  V1ObjectMeta,
  V1OwnerReference,
  V1Pod,
  V1PodTemplateSpec,
  V1ResourceQuota,
  V1Secret,
  V1Service,
} from '@kubernetes/client-node';
import { ResourceLimits } from '@ml-platform/plugin-ml-common';
import { WorkloadKind, WorkloadSpec } from '@ml-platform/plugin-ml-node';
import { randomBytes } from 'node:crypto';
import { Json } from '../client/json';
import { ClusterSettings } from '../config';
import {
  APP_SLUG,
  ATTEMPT,
  KIND,
  KUBERNETES_ID,
  MANAGED_BY,
  MANAGER,
  PROJECT_ID,
  PROJECT_NAME,
  WORKLOAD_ID,
  WORKSPACE,
  kubernetesIdFor,
  labelValue,
  namespaceFor,
  objectName,
} from './names';
import {
  KERNEL_SECRET_KEY,
  containerPorts,
  dnsPortName,
  podSpec,
  quantities,
  secretData,
  tokenSecretName,
} from './podSpec';

export const QUOTA_NAME = 'ml-platform-quota';

/** What runs an attempt of each kind of workload. */
export interface WorkloadObjects {
  session: Json<V1Pod>;
  job: Json<V1Job>;
  build: Json<V1Job>;
  model: Json<V1Deployment>;
  application: Json<V1Deployment>;
}

export interface Manifests<K extends WorkloadKind = WorkloadKind> {
  namespace: string;
  name: string;
  /** The Pod, Job or Deployment. */
  workload: WorkloadObjects[K];
  /** Sessions, models and applications with ports get one. */
  service?: Json<V1Service>;
  /**
   * Holds the attempt's ML_WORKLOAD_TOKEN, its secret env vars and a
   * session's ML_KERNEL_SECRET, so none of them is in the pod spec for anyone
   * who may read pods.
   */
  secret: Json<V1Secret>;
}

export function namespaceManifest(
  settings: ClusterSettings,
  spec: Pick<WorkloadSpec, 'projectId' | 'projectName' | 'workspace'>,
) {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: namespaceFor(settings.namespacePrefix, spec.projectId),
      labels: {
        [MANAGED_BY]: MANAGER,
        [KUBERNETES_ID]: kubernetesIdFor(spec.projectId),
        [PROJECT_ID]: labelValue(spec.projectId),
        [PROJECT_NAME]: labelValue(spec.projectName),
        [WORKSPACE]: labelValue(spec.workspace),
      },
    },
  } satisfies Json<V1Namespace>;
}

export function quotaManifest(namespace: string, quota: ResourceLimits) {
  const q = quantities(quota);
  const hard: Record<string, string> = {
    'requests.cpu': q.cpu,
    'requests.memory': q.memory,
    'limits.cpu': q.cpu,
    'limits.memory': q.memory,
    'requests.nvidia.com/gpu': String(quota.gpu),
  };
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: {
      name: QUOTA_NAME,
      namespace,
      labels: { [MANAGED_BY]: MANAGER },
    },
    spec: { hard },
  } satisfies Json<V1ResourceQuota>;
}

function labelsFor(spec: WorkloadSpec): Record<string, string> {
  return {
    [MANAGED_BY]: MANAGER,
    [KUBERNETES_ID]: kubernetesIdFor(
      spec.projectId,
      spec.kind === 'model' ? spec.env.ML_MODEL_ID : undefined,
    ),
    [WORKLOAD_ID]: labelValue(spec.workloadId),
    [ATTEMPT]: String(spec.attempt),
    [KIND]: spec.kind,
    [PROJECT_ID]: labelValue(spec.projectId),
    // What the catalog's Kubernetes tabs select a workspace's and an
    // application's objects by (mlKubernetesLabelSelector).
    [WORKSPACE]: labelValue(spec.workspace),
    ...(spec.kind === 'application' && spec.env.ML_APP_SLUG
      ? { [APP_SLUG]: labelValue(spec.env.ML_APP_SLUG) }
      : {}),
    'app.kubernetes.io/name': objectName(spec.kind, spec),
    'app.kubernetes.io/component': spec.kind,
  };
}

/**
 * What one attempt becomes: sessions a Pod, jobs and builds a batch/v1 Job
 * without Kubernetes retries, model replicas and applications a one-replica
 * Deployment (the engine runs one workload per replica; the Deployment only
 * brings a lost pod back), plus a Service where there are ports.
 */
export function workloadManifests<K extends WorkloadKind>(
  settings: ClusterSettings,
  spec: WorkloadSpec & { kind: K },
): Manifests<K> {
  const namespace = namespaceFor(settings.namespacePrefix, spec.projectId);
  const name = objectName(spec.kind, spec);
  const labels = labelsFor(spec);
  const metadata = { name, namespace, labels };
  const template = { metadata: { labels }, spec: podSpec(settings, spec) };
  const selector = {
    matchLabels: {
      [WORKLOAD_ID]: labels[WORKLOAD_ID],
      [ATTEMPT]: labels[ATTEMPT],
    },
  };
  const objects: { [Kind in WorkloadKind]: () => WorkloadObjects[Kind] } = {
    session: () => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata,
      spec: template.spec,
    }),
    job: () => jobManifest(metadata, template),
    build: () => jobManifest(metadata, template),
    model: () => deploymentManifest(metadata, selector, template),
    application: () => deploymentManifest(metadata, selector, template),
  };
  const workload = objects[spec.kind]();
  const ports = containerPorts(spec);
  const service: Json<V1Service> | undefined =
    Object.keys(ports).length === 0 ||
    spec.kind === 'job' ||
    spec.kind === 'build'
      ? undefined
      : {
          apiVersion: 'v1',
          kind: 'Service',
          metadata,
          spec: {
            type: 'ClusterIP',
            selector: {
              [WORKLOAD_ID]: labels[WORKLOAD_ID],
              [ATTEMPT]: labels[ATTEMPT],
            },
            ports: Object.entries(ports).map(([portName, port]) => ({
              name: dnsPortName(portName),
              port,
              targetPort: port,
              protocol: 'TCP',
            })),
          },
        };
  const secret: Json<V1Secret> = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: tokenSecretName(name), namespace, labels },
    type: 'Opaque',
    stringData: {
      ...secretData(spec),
      // A new one per attempt; a second start of the attempt finds the
      // Secret it made first, so the pod and the exec client agree.
      ...(spec.ports.includes('kernel')
        ? { [KERNEL_SECRET_KEY]: randomBytes(32).toString('base64url') }
        : {}),
    },
  };
  return { namespace, name, workload, service, secret };
}

function jobManifest(
  metadata: Json<V1ObjectMeta>,
  template: Json<V1PodTemplateSpec>,
): Json<V1Job> {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata,
    spec: { backoffLimit: 0, completions: 1, parallelism: 1, template },
  };
}

function deploymentManifest(
  metadata: Json<V1ObjectMeta>,
  selector: Json<V1LabelSelector>,
  template: Json<V1PodTemplateSpec>,
): Json<V1Deployment> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: { replicas: 1, selector, template },
  };
}

/** Owner reference to the object that runs the attempt, so its Service goes with it. */
export function ownerReference(
  owner: Json<KubernetesObject>,
): V1OwnerReference {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
    controller: false,
    blockOwnerDeletion: false,
  };
}
