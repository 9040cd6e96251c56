/**
 * Labels the Kubernetes driver puts on the objects of every workload
 * (pods, Deployments, Jobs, Services), that the Backstage Kubernetes plugin
 * can select them by.
 *
 * @public
 */
export const ML_KUBERNETES_LABELS = {
  workspace: 'ml-platform.io/workspace',
  projectId: 'ml-platform.io/project-id',
  /** An application's slug, on the objects of that application only. */
  applicationSlug: 'ml-platform.io/app-slug',
} as const;

/**
 * The `backstage.io/kubernetes-id` of a project's or a model's Kubernetes
 * objects, as the Kubernetes driver labels them (`ml-project-<id>`,
 * `ml-model-<id>`): the Kubernetes tab of the entity shows them.
 *
 * @public
 */
export function mlKubernetesId(ids: {
  projectId: string;
  modelId?: string;
}): string {
  return ids.modelId
    ? `ml-model-${ids.modelId}`
    : `ml-project-${ids.projectId}`;
}

/**
 * The `backstage.io/kubernetes-label-selector` of the objects of a workspace,
 * a project (all its workloads, model replicas included) or an application,
 * by the labels the Kubernetes driver puts on them (`ML_KUBERNETES_LABELS`).
 *
 * @public
 */
export function mlKubernetesLabelSelector(
  of:
    | { workspace: string }
    | { projectId: string }
    | { applicationSlug: string },
): string {
  if ('workspace' in of) {
    return `${ML_KUBERNETES_LABELS.workspace}=${of.workspace}`;
  }
  if ('projectId' in of) {
    return `${ML_KUBERNETES_LABELS.projectId}=${of.projectId}`;
  }
  return `${ML_KUBERNETES_LABELS.applicationSlug}=${of.applicationSlug}`;
}
