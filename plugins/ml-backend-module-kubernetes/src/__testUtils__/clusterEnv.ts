import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { KubeClient } from '../client/KubeClient';
import { kubeConfigFor } from '../client/kubeConfigFor';
import { ClusterSettings } from '../config';
import { createKubernetesDriver } from '../driver/createKubernetesDriver';
import { settingsFor } from './driverHarness';
import { TestKubelet } from './TestKubelet';

/**
 * The env file of a control plane of scripts/kube (the `kubernetes` tier
 * of scripts/test.sh sets ML_KUBE_ENV to it): KUBE_API_URL, KUBE_TOKEN,
 * KUBE_CA_FILE... Undefined outside that tier, where these tests skip.
 */
function readClusterEnv(): Record<string, string> | undefined {
  const file = process.env.ML_KUBE_ENV;
  if (!file) return undefined;
  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** The env of the control plane these tests run against, if any. */
export const clusterEnv = readClusterEnv();

/** `describe` where there is a control plane; `describe.skip` elsewhere. */
export const describeIfCluster = clusterEnv ? describe : describe.skip;

/** A certificate for the test kubelet's log endpoint: the apiserver's own (it names 127.0.0.1). */
function kubeletTls(env: Record<string, string>) {
  const pki = path.dirname(env.KUBE_CA_FILE);
  return {
    cert: fs.readFileSync(path.join(pki, 'apiserver.crt')),
    key: fs.readFileSync(path.join(pki, 'apiserver.key')),
  };
}

/**
 * The settings of the cluster as a workspace's, with TLS checked;
 * placeholders without one (the tests skip, but jest still reads them).
 */
export function clusterSettings(
  extra: Partial<ClusterSettings> = {},
): ClusterSettings {
  return settingsFor(clusterEnv?.KUBE_API_URL ?? '', {
    serviceAccountToken: clusterEnv?.KUBE_TOKEN,
    caFile: clusterEnv?.KUBE_CA_FILE,
    skipTLSVerify: false,
    ...extra,
  });
}

/** A client of the cluster with the workspace's rights, for the tests' own checks. */
export function adminClient(settings: ClusterSettings) {
  return new KubeClient(kubeConfigFor(settings), 10_000);
}

/**
 * The driver alone on the cluster, patient while the control plane starts
 * and re-reading it every `resyncSeconds`, and a client with the workspace's
 * rights for the tests' own checks.
 */
export function driverOnCluster(resyncSeconds: number) {
  const settings = clusterSettings({ requestTimeoutMs: 10_000, resyncSeconds });
  const driver = createKubernetesDriver(
    [settings],
    mockServices.logger.mock(),
    { startTries: 30 },
  );
  return { driver, admin: adminClient(settings) };
}

/** The test kubelet as the cluster's node `nodeName`. */
export function testKubelet(admin: KubeClient, nodeName: string) {
  return new TestKubelet({
    client: admin,
    nodeName,
    tls: clusterEnv ? kubeletTls(clusterEnv) : { cert: '', key: '' },
  });
}
