/**
 * What the serving gateway needs to route a prediction: which model a request
 * names (by id, name or access key) and the replicas that may take it now.
 * The gateway calls these on every request, so implementations answer from
 * memory and tell listeners when an answer changes.
 */

/** One replica that answers its health check. */
export interface ServingReplica {
  workloadId: string;
  index: number;
  /** http://127.0.0.1:port (or the driver's endpoint for the replica). */
  url: string;
}

export interface ServingTarget {
  modelId: string;
  modelName: string;
  projectId: string;
  projectName: string;
  disableAuthentication: boolean;
  /** The active deployment, if any. */
  deploymentId?: string;
  /** READY replicas of the active deployment only. */
  replicas: ServingReplica[];
}

export interface ModelDirectory {
  byId(
    projectId: string,
    modelIdOrName: string,
  ): Promise<ServingTarget | undefined>;
  /** Resolves a CML-style access key to its model; undefined when unknown or revoked. Updates last_used_at off the hot path. */
  byAccessKey(key: string): Promise<ServingTarget | undefined>;
  keyIsValidFor(modelId: string, key: string): Promise<boolean>;
  /** Called whenever a model's serving target changes (deploy switch, scale, replica ready/gone). */
  onChange(listener: (modelId: string) => void): () => void;
}
