import { Entity, KindValidator } from '@backstage/catalog-model';
import { ML_ENTITY_API_VERSION } from './constants';
import { mlKindGuard, mlKindValidator } from './kindValidation';
import schema from './Workspace.v1alpha1.schema.json';

/**
 * A node group of a workspace, as its catalog entity summarises it (a type,
 * not an interface, so that it is a JSON object for `Entity`).
 *
 * @public
 */
export type WorkspaceEntityNodeGroup = {
  name: string;
  cpu?: number;
  memoryMiB?: number;
  gpu?: number;
  minNodes?: number;
  maxNodes?: number;
};

/**
 * An ML workspace in the catalog.
 *
 * @public
 */
export interface WorkspaceEntityV1alpha1 extends Entity {
  apiVersion: typeof ML_ENTITY_API_VERSION;
  kind: 'Workspace';
  spec: {
    /** An entity ref of the owning user or group. */
    owner: string;
    /** The compute driver, e.g. `local` or `kubernetes`. */
    driver?: string;
    nodeGroups?: WorkspaceEntityNodeGroup[];
  };
}

/**
 * Validates `Workspace` entities: `false` for other kinds, an error for a
 * `Workspace` that does not match the schema.
 *
 * @public
 */
export const workspaceEntityV1alpha1Validator: KindValidator =
  mlKindValidator(schema);

/**
 * Whether an entity is an ML workspace.
 *
 * @public
 */
export const isMlWorkspaceEntity =
  mlKindGuard<WorkspaceEntityV1alpha1>('Workspace');
