import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterSettings } from '../config';
import { KubeClient } from '../client/KubeClient';
import { kubeConfigFor } from '../client/kubeConfigFor';
import { ClusterCache } from './ClusterCache';
import { KubernetesDriver, KubernetesDriverOptions } from './KubernetesDriver';
import { clientNodeExec } from './podExec';

/** A driver with a client and a mirror per configured workspace cluster. */
export function createKubernetesDriver(
  settings: ClusterSettings[],
  logger: LoggerService,
  extra: Partial<KubernetesDriverOptions> = {},
): KubernetesDriver {
  const clusters = settings.map(s => {
    const client = new KubeClient(kubeConfigFor(s), s.requestTimeoutMs);
    const cache = new ClusterCache(client, {
      resyncSeconds: s.resyncSeconds,
      logger: logger.child({ workspace: s.workspace }),
      backoff: extra.backoff,
    });
    return { settings: s, client, cache };
  });
  return new KubernetesDriver({
    clusters,
    logger,
    exec: clientNodeExec,
    ...extra,
  });
}
