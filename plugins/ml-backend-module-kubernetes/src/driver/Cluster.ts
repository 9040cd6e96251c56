import { ClusterSettings } from '../config';
import { KubeClient } from '../client/KubeClient';
import { ClusterCache, WatchedKind } from './ClusterCache';

/** One workspace's cluster: its settings, client and mirror. */
export interface Cluster {
  settings: ClusterSettings;
  client: KubeClient;
  cache: ClusterCache;
}

/** Runs code in a pod's container, yielding stdout lines (client-node's Exec by default). */
export type PodExec = (
  cluster: Cluster,
  pod: { namespace: string; name: string; container: string },
  command: string[],
  stdin: string,
  signal?: AbortSignal,
) => AsyncIterable<string>;

/** Where the objects of a watched kind are, in one namespace. */
export const COLLECTIONS: Record<WatchedKind, (ns: string) => string> = {
  pods: ns => `/api/v1/namespaces/${ns}/pods`,
  jobs: ns => `/apis/batch/v1/namespaces/${ns}/jobs`,
  deployments: ns => `/apis/apps/v1/namespaces/${ns}/deployments`,
};

/** The watched kind of an object's `kind`. */
export const WATCHED_KIND_OF: Record<string, WatchedKind> = {
  Pod: 'pods',
  Job: 'jobs',
  Deployment: 'deployments',
};
