import { Entity, KindValidator } from '@backstage/catalog-model';
import { ProjectVisibility } from '../types';
import { ML_ENTITY_API_VERSION } from './constants';
import { mlKindGuard, mlKindValidator } from './kindValidation';
import schema from './Project.v1alpha1.schema.json';

/**
 * An ML project in the catalog.
 *
 * @public
 */
export interface ProjectEntityV1alpha1 extends Entity {
  apiVersion: typeof ML_ENTITY_API_VERSION;
  kind: 'Project';
  spec: {
    /** An entity ref of the owning user or group. */
    owner: string;
    /**
     * An entity ref of the project's workspace; a bare name means a
     * `Workspace` in the default namespace.
     */
    workspace: string;
    visibility?: ProjectVisibility;
    /** The project's id in the ML platform. */
    mlProjectId?: string;
    /**
     * Entity refs of what the project's workloads need, e.g. the runtimes
     * (`Resource` entities of type `ml-runtime`) they run in; a bare name
     * means a `Resource`.
     */
    dependsOn?: string[];
  };
}

/**
 * Validates `Project` entities: `false` for other kinds, an error for a
 * `Project` that does not match the schema.
 *
 * @public
 */
export const projectEntityV1alpha1Validator: KindValidator =
  mlKindValidator(schema);

/**
 * Whether an entity is an ML project.
 *
 * @public
 */
export const isMlProjectEntity = mlKindGuard<ProjectEntityV1alpha1>('Project');
