/**
 * Types of a model's lineage (`GET /projects/:projectId/models/:modelId/lineage`):
 * datasets → builds → deployments → the endpoint → applications that call it.
 */

/** @public */
export type LineageNodeKind =
  | 'dataset'
  | 'build'
  | 'deployment'
  | 'endpoint'
  | 'application';

/** @public */
export interface LineageNode {
  /** Unique in the graph: `<kind>:<id>` (a dataset's id is its table name). */
  id: string;
  kind: LineageNodeKind;
  label: string;
  /** The catalog entity that stands for it, where there is one. */
  entityRef?: string;
  /** Build, deployment or application state. */
  state?: string;
  /** e.g. a build's lineage.yaml metadata, a deployment's replicas. */
  details?: Record<string, unknown>;
}

/** @public */
export type LineageEdgeType =
  /** dataset → build: the build was trained on the dataset. */
  | 'trainedOn'
  /** build → deployment: the deployment runs the build. */
  | 'deployedAs'
  /** deployment → endpoint: the deployment serves the endpoint now. */
  | 'serves'
  /** endpoint → application: the application calls the model. */
  | 'calledBy';

/** @public */
export interface LineageEdge {
  from: string;
  to: string;
  type: LineageEdgeType;
}

/** @public */
export interface ModelLineage {
  modelId: string;
  /** The model's catalog entity. */
  entityRef: string;
  nodes: LineageNode[];
  edges: LineageEdge[];
}
