import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

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
}

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
