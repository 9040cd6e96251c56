import { ML_KUBERNETES_LABELS } from '@ml-platform/plugin-ml-common';
import { WorkloadKind, WorkloadRef } from '@ml-platform/plugin-ml-node';

export const MANAGED_BY = 'app.kubernetes.io/managed-by';
export const MANAGER = 'ml-platform';
export const KUBERNETES_ID = 'backstage.io/kubernetes-id';
export const WORKLOAD_ID = 'ml-platform.io/workload-id';
export const ATTEMPT = 'ml-platform.io/attempt';
export const KIND = 'ml-platform.io/kind';
export const PROJECT_ID = ML_KUBERNETES_LABELS.projectId;
export const PROJECT_NAME = 'ml-platform.io/project-name';
export const WORKSPACE = ML_KUBERNETES_LABELS.workspace;
export const APP_SLUG = ML_KUBERNETES_LABELS.applicationSlug;

/** Selects everything the driver made, in every namespace. */
export const MANAGED_SELECTOR = `${MANAGED_BY}=${MANAGER}`;

const KIND_PREFIX: Record<WorkloadKind, string> = {
  session: 'session',
  job: 'job',
  model: 'model',
  application: 'app',
  build: 'build',
};

/** Lower-case letters, digits and '-', trimmed to `max` (DNS-1123 label). */
export function dnsLabel(value: string, max = 63): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

/** A label value: at most 63 of [A-Za-z0-9-_.], alphanumeric at both ends. */
export function labelValue(value: string): string {
  return value
    .replace(/[^A-Za-z0-9-_.]+/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

/** One namespace per project, from its id (names can change, ids cannot). */
export function namespaceFor(prefix: string, projectId: string): string {
  return dnsLabel(`${prefix}${projectId}`);
}

/**
 * The name of what runs one attempt: deterministic, so a second start of
 * the same attempt finds the first (409 AlreadyExists counts as started).
 * Starts with a letter, so it is also a valid Service name (DNS-1035).
 */
export function objectName(kind: WorkloadKind, ref: WorkloadRef): string {
  return dnsLabel(`${KIND_PREFIX[kind]}-${ref.workloadId}-${ref.attempt}`, 52);
}

/**
 * What the Backstage Kubernetes plugin matches a Project entity's objects
 * by (the entity's `backstage.io/kubernetes-id` annotation); model replicas
 * carry their model's id when the engine passes ML_MODEL_ID.
 */
export function kubernetesIdFor(projectId: string, modelId?: string): string {
  return labelValue(
    modelId ? `ml-model-${modelId}` : `ml-project-${projectId}`,
  );
}

export function refFromLabels(
  labels: Record<string, string> | undefined,
): WorkloadRef | undefined {
  const workloadId = labels?.[WORKLOAD_ID];
  const attempt = Number(labels?.[ATTEMPT]);
  if (!workloadId || !Number.isInteger(attempt)) return undefined;
  return { workloadId, attempt };
}

export function refKey(ref: WorkloadRef): string {
  return `${ref.workloadId}#${ref.attempt}`;
}

/** Marks an attempt the engine is done with (its objects stay for their logs). */
export const FORGOTTEN = 'ml-platform.io/forgotten';
export const FORGOTTEN_AT = 'ml-platform.io/forgotten-at';
