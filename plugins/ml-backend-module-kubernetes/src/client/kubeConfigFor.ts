import { KubeConfig } from '@kubernetes/client-node';
import { ClusterSettings } from '../config';

/**
 * A KubeConfig for one workspace's cluster: the kubeconfig file as is, or
 * one cluster + user made from url, token and CA. client-node turns it into
 * TLS options and headers for each request.
 */
export function kubeConfigFor(settings: ClusterSettings): KubeConfig {
  const kc = new KubeConfig();
  if (settings.kubeconfigPath) {
    kc.loadFromFile(settings.kubeconfigPath);
    return kc;
  }
  kc.loadFromClusterAndUser(
    {
      name: settings.workspace,
      server: settings.url!,
      caData: settings.caData,
      caFile: settings.caFile,
      skipTLSVerify: settings.skipTLSVerify,
    },
    {
      name: `${settings.workspace}-ml-driver`,
      token: settings.serviceAccountToken,
    },
  );
  return kc;
}
