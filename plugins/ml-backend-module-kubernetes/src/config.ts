import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Who a workload's containers run as (the pod's securityContext). */
export interface PodIdentity {
  runAsUser: number;
  runAsGroup: number;
  fsGroup: number;
}

/**
 * Where the backend runs, the only source the project namespace's
 * NetworkPolicy admits: pods matching both label sets (in namespaces with
 * `namespaceLabels`; the project namespace itself with `podLabels` alone)
 * and addresses in `cidrs`. Nothing set: no ingress at all.
 */
export interface BackendPeers {
  namespaceLabels?: Record<string, string>;
  podLabels?: Record<string, string>;
  cidrs: string[];
}

/** How to reach one workspace's cluster and what to run there. */
export interface ClusterSettings {
  workspace: string;
  url?: string;
  serviceAccountToken?: string;
  kubeconfigPath?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  namespacePrefix: string;
  images: Record<string, string>;
  defaultImage?: string;
  imagePullSecrets: string[];
  /** Base URL of the backend as pods see it (no `/api/ml`). */
  backendUrl: string;
  requestTimeoutMs: number;
  resyncSeconds: number;
  /** Finished Jobs and session Pods the engine is done with are deleted this long after (their logs go with them). */
  keepFinishedMinutes: number;
  podIdentity: PodIdentity;
  /** Undefined: no NetworkPolicy is made (`networkPolicy.enabled: false`). */
  networkPolicy?: BackendPeers;
}

const DEFAULT_UID = 1000;

const DEFAULT_PREFIX = 'ml-';

/**
 * Reads `ml.kubernetes`; undefined when the key is absent (the module then
 * adds no driver). Mistakes fail start-up: a wrong config is not an outage.
 */
export function readKubernetesConfig(
  config: Config,
): ClusterSettings[] | undefined {
  const root = config.getOptionalConfig('ml.kubernetes');
  if (!root) return undefined;
  const defaultBackendUrl = root.getOptionalString('backendUrl');
  const workspaces = root.getConfig('workspaces');
  return workspaces.keys().map(workspace => {
    const ws = workspaces.getConfig(workspace);
    const cluster = ws.getConfig('cluster');
    const settings: ClusterSettings = {
      workspace,
      url: cluster.getOptionalString('url'),
      serviceAccountToken: cluster.getOptionalString('serviceAccountToken'),
      kubeconfigPath: cluster.getOptionalString('kubeconfigPath'),
      caData: cluster.getOptionalString('caData'),
      caFile: cluster.getOptionalString('caFile'),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
      namespacePrefix:
        ws.getOptionalString('namespacePrefix') ?? DEFAULT_PREFIX,
      // Read whole: runtime ids may hold dots, which config keys may not.
      images: readImages(ws.getOptional('images'), workspace),
      defaultImage: ws.getOptionalString('defaultImage'),
      imagePullSecrets: ws.getOptionalStringArray('imagePullSecrets') ?? [],
      backendUrl: (
        ws.getOptionalString('backendUrl') ??
        defaultBackendUrl ??
        ''
      ).replace(/\/+$/, ''),
      requestTimeoutMs: ws.getOptionalNumber('requestTimeoutMs') ?? 10_000,
      resyncSeconds: ws.getOptionalNumber('resyncSeconds') ?? 30,
      keepFinishedMinutes: ws.getOptionalNumber('keepFinishedMinutes') ?? 60,
      podIdentity: readPodIdentity(ws, workspace),
      networkPolicy: readNetworkPolicy(ws, workspace),
    };
    if (!settings.url && !settings.kubeconfigPath) {
      throw new InputError(
        `ml.kubernetes.workspaces.${workspace}.cluster: set url (with a token) or kubeconfigPath`,
      );
    }
    if (!settings.backendUrl) {
      throw new InputError(
        `ml.kubernetes.workspaces.${workspace}: set backendUrl (here or in ml.kubernetes): pods need it to reach the ML API`,
      );
    }
    if (!/^[a-z0-9-]{0,20}$/.test(settings.namespacePrefix)) {
      throw new InputError(
        `ml.kubernetes.workspaces.${workspace}.namespacePrefix: lower-case letters, digits and '-', at most 20`,
      );
    }
    return settings;
  });
}

function readImages(value: unknown, workspace: string): Record<string, string> {
  if (value === undefined) return {};
  const entries =
    typeof value === 'object' && value ? Object.entries(value) : [];
  if (!entries.every(([, image]) => typeof image === 'string')) {
    throw new InputError(
      `ml.kubernetes.workspaces.${workspace}.images: a map of runtime id to image name`,
    );
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

function readPodIdentity(ws: Config, workspace: string): PodIdentity {
  const id = (key: string) => {
    const value = ws.getOptionalNumber(`securityContext.${key}`) ?? DEFAULT_UID;
    // 0 is root, which runAsNonRoot refuses anyway.
    if (!Number.isInteger(value) || value < 1) {
      throw new InputError(
        `ml.kubernetes.workspaces.${workspace}.securityContext.${key}: a whole number of at least 1`,
      );
    }
    return value;
  };
  return {
    runAsUser: id('runAsUser'),
    runAsGroup: id('runAsGroup'),
    fsGroup: id('fsGroup'),
  };
}

function readLabels(ws: Config, key: string, workspace: string) {
  const value = ws.getOptional(key);
  if (value === undefined) return undefined;
  const entries =
    typeof value === 'object' && value ? Object.entries(value) : [];
  if (!entries.every(([, v]) => typeof v === 'string')) {
    throw new InputError(
      `ml.kubernetes.workspaces.${workspace}.${key}: a map of label to value`,
    );
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

function readNetworkPolicy(
  ws: Config,
  workspace: string,
): BackendPeers | undefined {
  if (ws.getOptionalBoolean('networkPolicy.enabled') === false)
    return undefined;
  const cidrs = ws.getOptionalStringArray('networkPolicy.backend.cidrs') ?? [];
  for (const cidr of cidrs) {
    if (!/^[0-9a-fA-F.:]+\/\d{1,3}$/.test(cidr)) {
      throw new InputError(
        `ml.kubernetes.workspaces.${workspace}.networkPolicy.backend.cidrs: '${cidr}' is not a CIDR such as 10.0.0.5/32`,
      );
    }
  }
  return {
    namespaceLabels: readLabels(
      ws,
      'networkPolicy.backend.namespaceLabels',
      workspace,
    ),
    podLabels: readLabels(ws, 'networkPolicy.backend.podLabels', workspace),
    cidrs,
  };
}
