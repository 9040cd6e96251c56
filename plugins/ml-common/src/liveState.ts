/**
 * What a Backstage signal from the ML backend says: that the state of
 * something in a project or workspace changed. It carries no state itself,
 * because signals go to every connected user; the page that listens re-reads
 * through the API, which checks the reader's rights.
 *
 * @public
 */
export interface MlStateSignal {
  /** What changed: a workload (session, job run, build, replica, app), a deployment, or anything written through the API. */
  change: 'workload' | 'deployment' | 'write';
}

/**
 * The signal channel of one project: every change of its workloads,
 * deployments and objects.
 *
 * @public
 */
export function mlProjectChannel(projectId: string): string {
  return `ml:project:${projectId}`;
}

/**
 * The signal channel of one workspace: changes of the workloads that queue
 * or run on it (its queue and capacity).
 *
 * @public
 */
export function mlWorkspaceChannel(workspace: string): string {
  return `ml:workspace:${workspace}`;
}
