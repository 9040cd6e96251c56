import type { MlApiComponents } from './schema/openapi';

/**
 * Domain types as the REST API returns them: aliases of the schemas of
 * plugins/ml-backend/openapi.yaml, so a field is added in the spec (and the
 * generated types regenerated), not here. Resource amounts are shown as `cpu`
 * (vCPU, fractional), `memoryMiB` and `gpu` (whole devices).
 */

type Schemas = MlApiComponents['schemas'];

/** @public */
export type ComputeDriverName = Workspace['driver'];

/**
 * A set of identical nodes a workspace can scale between `minNodes` and
 * `maxNodes`.
 *
 * @public
 */
export type NodeGroup = Schemas['NodeGroup'];

/** @public */
export type ResourceLimits = Schemas['ResourceLimits'];

/** @public */
export type Workspace = Schemas['Workspace'];

/** @public */
export type WorkspaceAvailability = Schemas['WorkspaceAvailability'];

/** @public */
export type WorkspaceCapacity = Schemas['WorkspaceCapacity'];

/** @public */
export type Runtime = Schemas['Runtime'];

/** @public */
export type ResourceProfile = Schemas['ResourceProfile'];

/** @public */
export type Quota = Schemas['Quota'];

/** @public */
export type ProjectVisibility = Project['visibility'];

/** @public */
export type CollaboratorRole = Schemas['CollaboratorRole'];

/** @public */
export const COLLABORATOR_ROLES: readonly CollaboratorRole[] = [
  'viewer',
  'operator',
  'contributor',
  'admin',
];

/** @public */
export type Collaborator = Schemas['Collaborator'];

/** @public */
export type Project = Schemas['Project'];

/** @public */
export type ProjectFileEntry = Schemas['ProjectFileEntry'];

/**
 * One page of a list endpoint.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  total_size: number;
  /** Pass as `page_token` to get the next page; absent on the last page. */
  next_page_token?: string;
}
