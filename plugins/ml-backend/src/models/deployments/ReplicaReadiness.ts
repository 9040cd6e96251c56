import { ServingReplica } from '../serving/ModelDirectory';

interface ReadyReplica extends ServingReplica {
  attempt: number;
}

/**
 * Which replicas of which deployments answer their health check, as this
 * backend saw it. In memory: every backend probes the replicas itself, and
 * the serving path reads this on every request.
 */
export class ReplicaReadiness {
  private readonly byDeployment = new Map<string, Map<number, ReadyReplica>>();
  private readonly listeners = new Set<(modelId: string) => void>();

  isReady(
    deploymentId: string,
    index: number,
    workloadId: string,
    attempt: number,
  ): boolean {
    const r = this.byDeployment.get(deploymentId)?.get(index);
    return (
      r !== undefined && r.workloadId === workloadId && r.attempt === attempt
    );
  }

  ready(deploymentId: string): ServingReplica[] {
    const replicas = this.byDeployment.get(deploymentId);
    if (!replicas) return [];
    return [...replicas.values()]
      .sort((a, b) => a.index - b.index)
      .map(({ workloadId, index, url }) => ({ workloadId, index, url }));
  }

  markReady(modelId: string, deploymentId: string, replica: ReadyReplica) {
    let replicas = this.byDeployment.get(deploymentId);
    if (!replicas) {
      replicas = new Map();
      this.byDeployment.set(deploymentId, replicas);
    }
    replicas.set(replica.index, replica);
    this.emit(modelId);
  }

  /** Takes a replica (or, without an index, every replica of the deployment) out of service. */
  markGone(modelId: string, deploymentId: string, index?: number) {
    const replicas = this.byDeployment.get(deploymentId);
    if (!replicas) return;
    const changed =
      index === undefined ? replicas.size > 0 : replicas.delete(index);
    if (index === undefined || replicas.size === 0)
      this.byDeployment.delete(deploymentId);
    if (changed) this.emit(modelId);
  }

  onChange(listener: (modelId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(modelId: string) {
    for (const listener of this.listeners) {
      try {
        listener(modelId);
      } catch {
        // A listener's failure is its own; the others still hear of the change.
      }
    }
  }
}
