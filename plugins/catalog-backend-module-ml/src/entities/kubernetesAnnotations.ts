import {
  mlKubernetesId,
  mlKubernetesLabelSelector,
} from '@ml-platform/plugin-ml-common';

/** What the Kubernetes plugin matches an entity's objects by (label value). */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';

/** A label selector that the Kubernetes plugin uses instead of the id. */
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';

/** The ML objects whose workloads an entity's Kubernetes tab shows. */
export type KubernetesObjectsOf =
  | { workspace: string }
  | { projectId: string }
  | { projectId: string; modelId: string }
  | { projectId: string; applicationSlug: string };

/**
 * The annotations that give an entity of a Kubernetes workspace its
 * Kubernetes tab (the plugin shows it for any kind with one of them), by
 * the labels the Kubernetes driver puts on the workloads; none for other
 * drivers.
 *
 * - a model (and its API): `backstage.io/kubernetes-id` `ml-model-<id>`, its
 *   replicas;
 * - a project (and its System): `ml-project-<id>` and the label selector
 *   `ml-platform.io/project-id=<id>`, which the plugin prefers: every
 *   workload of the project, model replicas and builds included;
 * - an application: `ml-project-<id>` and the selector
 *   `ml-platform.io/app-slug=<slug>`, that application's pods only;
 * - a workspace: the selector `ml-platform.io/workspace=<name>`.
 */
export function kubernetesAnnotations(
  driver: string | undefined,
  of: KubernetesObjectsOf,
): Record<string, string> {
  if (driver !== 'kubernetes') {
    return {};
  }
  if ('workspace' in of) {
    return {
      [ANNOTATION_KUBERNETES_LABEL_SELECTOR]: mlKubernetesLabelSelector(of),
    };
  }
  if ('modelId' in of) {
    return { [ANNOTATION_KUBERNETES_ID]: mlKubernetesId(of) };
  }
  return {
    [ANNOTATION_KUBERNETES_ID]: mlKubernetesId({ projectId: of.projectId }),
    [ANNOTATION_KUBERNETES_LABEL_SELECTOR]: mlKubernetesLabelSelector(
      'applicationSlug' in of
        ? { applicationSlug: of.applicationSlug }
        : { projectId: of.projectId },
    ),
  };
}
