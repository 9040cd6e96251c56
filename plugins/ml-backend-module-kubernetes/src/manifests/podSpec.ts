import type {
  V1EnvVar,
  V1PodSpec,
  V1SecurityContext,
} from '@kubernetes/client-node';
import { Json } from '../client/json';
import { ResourceLimits } from '@ml-platform/plugin-ml-common';
import { WorkloadSpec } from '@ml-platform/plugin-ml-node';
import { ClusterSettings } from '../config';
import { FETCH_FILES_SCRIPT, snapshotUrl } from './initContainer';
import { objectName } from './names';

/** The project files inside every container. */
export const WORKDIR = '/home/ml/project';
/** Named ports get fixed container ports from here on, in spec order. */
const FIRST_PORT = 8080;

/** The key of the token in the attempt's Secret. */
const TOKEN_KEY = 'ML_WORKLOAD_TOKEN';

export function tokenSecretName(workloadName: string): string {
  return `${workloadName}-token`;
}

/** The session kernel's secret (see session_kernel.py), in the same Secret. */
export const KERNEL_SECRET_KEY = 'ML_KERNEL_SECRET';

/** An env entry that reads its value from the attempt's Secret (whose keys are the variables' names). */
function fromSecret(workloadName: string, name: string): Json<V1EnvVar> {
  return {
    name,
    valueFrom: {
      secretKeyRef: { name: tokenSecretName(workloadName), key: name },
    },
  };
}

/** What the attempt's Secret holds: the secret env vars and the token (which wins a clash of names). */
export function secretData(spec: WorkloadSpec): Record<string, string> {
  return { ...spec.secretEnv, [TOKEN_KEY]: spec.env[TOKEN_KEY] ?? '' };
}

/** Nothing a container could gain: no setuid escalation, no capabilities. */
const CONTAINER_SECURITY: Json<V1SecurityContext> = {
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

/** Kubernetes quantities for a resource profile; requests equal limits (guaranteed QoS). */
export function quantities(resources: ResourceLimits): Record<string, string> {
  const out: Record<string, string> = {
    cpu: `${Math.round(resources.cpu * 1000)}m`,
    memory: `${Math.round(resources.memoryMiB)}Mi`,
  };
  if (resources.gpu > 0) out['nvidia.com/gpu'] = String(resources.gpu);
  return out;
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

function env(vars: Record<string, string>): Json<V1EnvVar>[] {
  return Object.entries(vars).map(([name, value]) => ({ name, value }));
}

/** The pod template every kind shares: init container for the files, then the workload. */
export function podSpec(
  settings: ClusterSettings,
  spec: WorkloadSpec,
): Json<V1PodSpec> {
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

export function dnsPortName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 15);
}
