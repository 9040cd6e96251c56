import type { MlApiComponents } from './schema/openapi';

/**
 * Types of a model's lineage (`GET /projects/:projectId/models/:modelId/lineage`):
 * datasets → builds → deployments → the endpoint → applications that call it.
 * Aliases of openapi.yaml's schemas.
 */

type Schemas = MlApiComponents['schemas'];

/** @public */
export type LineageNodeKind = LineageNode['kind'];

/** @public */
export type LineageNode = Schemas['LineageNode'];

/**
 * `trainedOn` dataset → build, `deployedAs` build → deployment, `serves`
 * deployment → endpoint, `calledBy` endpoint → application.
 *
 * @public
 */
export type LineageEdgeType = LineageEdge['type'];

/** @public */
export type LineageEdge = Schemas['LineageEdge'];

/** @public */
export type ModelLineage = Schemas['ModelLineage'];
