import type {
  KubernetesObject,
  V1Deployment,
  V1Job,
  V1Namespace,
  V1NetworkPolicy,
  V1Pod,
  V1ResourceQuota,
  V1Secret,
  V1Service,
} from '@kubernetes/client-node';
import { Json } from '../../client/json';

/** Any object the fake API server holds, as JSON. */
export type StoredObject = Json<KubernetesObject>;

/** The objects of the resources the driver makes, by resource name. */
export interface KnownResources {
  namespaces: Json<V1Namespace>;
  pods: Json<V1Pod>;
  jobs: Json<V1Job>;
  deployments: Json<V1Deployment>;
  services: Json<V1Service>;
  secrets: Json<V1Secret>;
  resourcequotas: Json<V1ResourceQuota>;
  networkpolicies: Json<V1NetworkPolicy>;
}

/** The object type of a resource ("pods" → a Pod); others are plain objects. */
export type ResourceObject<R extends string> = R extends keyof KnownResources
  ? KnownResources[R]
  : StoredObject;

/** Whether labels match a selector of `key=value` and `key` terms. */
export function matchesSelector(
  selector: string,
  labels: Record<string, string> = {},
): boolean {
  return selector
    .split(',')
    .filter(Boolean)
    .every(term => {
      const [k, v] = term.split('=');
      return v === undefined ? k in labels : labels[k] === v;
    });
}
