import { WorkloadSpec } from '@ml-platform/plugin-ml-node';
import { randomBytes } from 'node:crypto';
import { ResourceLimits } from '@ml-platform/plugin-ml-common';
import { ClusterSettings } from '../config';
import { FETCH_FILES_SCRIPT, snapshotUrl } from './initContainer';
import {
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

/** The project files inside every container. */
export const WORKDIR = '/home/ml/project';
/** Named ports get fixed container ports from here on, in spec order. */
const FIRST_PORT = 8080;
export const QUOTA_NAME = 'ml-platform-quota';

export interface Manifests {
  namespace: string;
  name: string;
  /** The Pod, Job or Deployment. */
  workload: any;
  /** Sessions, models and applications with ports get one. */
  service?: any;
  /**
   * Holds the attempt's ML_WORKLOAD_TOKEN, its secret env vars and a
   * session's ML_KERNEL_SECRET, so none of them is in the pod spec for anyone
   * who may read pods.
   */
  secret: any;
}

/** The key of the token in the attempt's Secret. */
const TOKEN_KEY = 'ML_WORKLOAD_TOKEN';

export function tokenSecretName(workloadName: string): string {
  return `${workloadName}-token`;
}

/** The session kernel's secret (see session_kernel.py), in the same Secret. */
export const KERNEL_SECRET_KEY = 'ML_KERNEL_SECRET';

/** An env entry that reads its value from the attempt's Secret (whose keys are the variables' names). */
function fromSecret(workloadName: string, name: string) {
  return {
    name,
    valueFrom: {
      secretKeyRef: { name: tokenSecretName(workloadName), key: name },
    },
  };
}

/** What the attempt's Secret holds: the secret env vars and the token (which wins a clash of names). */
function secretData(spec: WorkloadSpec): Record<string, string> {
  return { ...spec.secretEnv, [TOKEN_KEY]: spec.env[TOKEN_KEY] ?? '' };
}

/** Nothing a container could gain: no setuid escalation, no capabilities. */
const CONTAINER_SECURITY = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
};

export function containerPorts(spec: WorkloadSpec): Record<string, number> {
  return Object.fromEntries(
    spec.ports.map((name, i) => [name, FIRST_PORT + i]),
  );
}

export function portVariable(name: string): string {
  return `ML_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_PORT`;
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
  };
}

/** Kubernetes quantities for a resource profile; requests equal limits (guaranteed QoS). */
export function quantities(resources: ResourceLimits): Record<string, string> {
  const out: Record<string, string> = {
    cpu: `${Math.round(resources.cpu * 1000)}m`,
    memory: `${Math.round(resources.memoryMiB)}Mi`,
  };
  if (resources.gpu > 0) out['nvidia.com/gpu'] = String(resources.gpu);
  return out;
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
  };
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
    'app.kubernetes.io/name': objectName(spec.kind, spec),
    'app.kubernetes.io/component': spec.kind,
  };
}

function imageFor(settings: ClusterSettings, spec: WorkloadSpec): string {
  const image =
    settings.images[spec.runtime.id] ??
    spec.runtime.image ??
    settings.defaultImage;
  if (!image) {
    throw new Error(
      `No image for runtime ${spec.runtime.id}: set ml.kubernetes.workspaces.${settings.workspace}.images or the runtime's image`,
    );
  }
  return image;
}

function env(vars: Record<string, string>) {
  return Object.entries(vars).map(([name, value]) => ({ name, value }));
}

/** The pod template every kind shares: init container for the files, then the workload. */
export function podSpec(settings: ClusterSettings, spec: WorkloadSpec) {
  const image = imageFor(settings, spec);
  const ports = containerPorts(spec);
  const apiUrl = `${settings.backendUrl}/api/ml`;
  const workloadName = objectName(spec.kind, spec);
  const token = fromSecret(workloadName, TOKEN_KEY);
  const kernelSecret = spec.ports.includes('kernel')
    ? [fromSecret(workloadName, KERNEL_SECRET_KEY)]
    : [];
  // Names in the Secret never also appear with a plain value.
  const secretNames = Object.keys(secretData(spec));
  const plainEnv = Object.fromEntries(
    Object.entries(spec.env).filter(([n]) => !secretNames.includes(n)),
  );
  const vars: Record<string, string> = {
    ...plainEnv,
    // The backend's own ML_API_URL is where it listens; pods reach it elsewhere.
    ML_API_URL: apiUrl,
    PYTHONUNBUFFERED: '1',
    // The image's home may not be the uid's; the work folder is (as locally).
    HOME: WORKDIR,
  };
  for (const [portName, port] of Object.entries(ports))
    vars[portVariable(portName)] = String(port);
  // The platform's own variables (above) win over a secret of the same name.
  const secretVars = secretNames
    .filter(n => n !== TOKEN_KEY && !(n in vars))
    .map(n => fromSecret(workloadName, n));
  return {
    // The engine owns retries; a failed container ends the attempt.
    restartPolicy:
      spec.kind === 'model' || spec.kind === 'application' ? 'Always' : 'Never',
    // Workloads call the ML API with their own token, never the cluster's.
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    securityContext: {
      runAsNonRoot: true,
      ...settings.podIdentity,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    imagePullSecrets: settings.imagePullSecrets.map(name => ({ name })),
    volumes: [{ name: 'project', emptyDir: {} }],
    initContainers: [
      {
        name: 'fetch-files',
        image,
        command: ['python3', '-c', FETCH_FILES_SCRIPT],
        env: [
          ...env({
            ML_SNAPSHOT_URL: snapshotUrl(settings.backendUrl),
            ML_WORKDIR: WORKDIR,
          }),
          token,
        ],
        securityContext: CONTAINER_SECURITY,
        volumeMounts: [{ name: 'project', mountPath: WORKDIR }],
        resources: {
          requests: { cpu: '100m', memory: '128Mi' },
          limits: { cpu: '500m', memory: '256Mi' },
        },
      },
    ],
    containers: [
      {
        name: 'main',
        image,
        command: [spec.runtime.command ?? 'python3', ...spec.args],
        workingDir: WORKDIR,
        env: [...env(vars), ...secretVars, token, ...kernelSecret],
        securityContext: CONTAINER_SECURITY,
        ports: Object.entries(ports).map(([name, containerPort]) => ({
          name: dnsPortName(name),
          containerPort,
        })),
        resources: {
          requests: quantities(spec.resources),
          limits: quantities(spec.resources),
        },
        volumeMounts: [{ name: 'project', mountPath: WORKDIR }],
      },
    ],
  };
}

/**
 * What one attempt becomes: sessions a Pod, jobs and builds a batch/v1 Job
 * without Kubernetes retries, model replicas and applications a one-replica
 * Deployment (the engine runs one workload per replica; the Deployment only
 * brings a lost pod back), plus a Service where there are ports.
 */
export function workloadManifests(
  settings: ClusterSettings,
  spec: WorkloadSpec,
): Manifests {
  const namespace = namespaceFor(settings.namespacePrefix, spec.projectId);
  const name = objectName(spec.kind, spec);
  const labels = labelsFor(spec);
  const metadata = { name, namespace, labels };
  const template = { metadata: { labels }, spec: podSpec(settings, spec) };
  let workload: any;
  switch (spec.kind) {
    case 'session':
      workload = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata,
        spec: template.spec,
      };
      break;
    case 'job':
    case 'build':
      workload = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata,
        spec: { backoffLimit: 0, completions: 1, parallelism: 1, template },
      };
      break;
    default:
      workload = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata,
        spec: {
          replicas: 1,
          selector: {
            matchLabels: {
              [WORKLOAD_ID]: labels[WORKLOAD_ID],
              [ATTEMPT]: labels[ATTEMPT],
            },
          },
          template,
        },
      };
  }
  const ports = containerPorts(spec);
  const service =
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
  const secret = {
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

function dnsPortName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 15);
}

/** Owner reference to the object that runs the attempt, so its Service goes with it. */
export function ownerReference(owner: any) {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: false,
    blockOwnerDeletion: false,
  };
}
