import type {
  V1NetworkPolicy,
  V1NetworkPolicyPeer,
  V1NetworkPolicySpec,
} from '@kubernetes/client-node';
import { Json } from '../client/json';
import { BackendPeers, ClusterSettings } from '../config';
import { namespaceManifest } from './manifests';

export const NETWORK_POLICY_NAME = 'ml-platform-ingress';

/** The NetworkPolicy peers a BackendPeers setting names. */
function peers(backend: BackendPeers): Json<V1NetworkPolicyPeer>[] {
  const out: Json<V1NetworkPolicyPeer>[] = [];
  const matchLabels = (labels?: Record<string, string>) =>
    labels && Object.keys(labels).length > 0
      ? { matchLabels: labels }
      : undefined;
  const namespaceSelector = matchLabels(backend.namespaceLabels);
  const podSelector = matchLabels(backend.podLabels);
  // Both in one peer: pods with these labels in namespaces with those.
  if (namespaceSelector || podSelector) {
    out.push({
      ...(namespaceSelector ? { namespaceSelector } : {}),
      ...(podSelector ? { podSelector } : {}),
    });
  }
  for (const cidr of backend.cidrs) out.push({ ipBlock: { cidr } });
  return out;
}

/**
 * The project namespace's ingress rule: its pods (all of them: the
 * namespace is the project's alone) accept connections only from where the
 * backend runs, which proxies model predictions and applications. Other
 * projects' pods cannot reach a session's ports, a model replica or an app
 * directly. No peers configured: no ingress at all (`ingress: []`).
 * Labelled like the namespace.
 */
export function networkPolicyManifest(
  settings: ClusterSettings,
  spec: Parameters<typeof namespaceManifest>[1],
  backend: BackendPeers,
) {
  const namespace = namespaceManifest(settings, spec);
  const from = peers(backend);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: NETWORK_POLICY_NAME,
      namespace: namespace.metadata.name,
      labels: namespace.metadata.labels,
    },
    spec: {
      podSelector: {},
      policyTypes: ['Ingress' as const],
      ingress: from.length > 0 ? [{ from }] : [],
    },
  } satisfies Json<V1NetworkPolicy>;
}

/**
 * Whether a NetworkPolicy from the server says what `desired` says; the
 * apiserver leaves out an empty `ingress` list and empty selectors.
 */
export function sameNetworkPolicy(
  current: Json<V1NetworkPolicy> | undefined,
  desired: Json<V1NetworkPolicy>,
): boolean {
  const normal = (spec: Json<V1NetworkPolicySpec> | undefined) =>
    JSON.stringify({
      podSelector: spec?.podSelector ?? {},
      policyTypes: spec?.policyTypes ?? [],
      ingress: spec?.ingress ?? [],
    });
  return normal(current?.spec) === normal(desired.spec);
}
