import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import {
  Collaborator,
  CollaboratorRole,
  ML_PROJECT_RESOURCE_TYPE,
  Project,
  ProjectVisibility,
} from '@ml-platform/plugin-ml-common';

/**
 * An ML project as the permission rules see it: the project, who
 * collaborates on it and the groups its owner stands for.
 *
 * @public
 */
export interface MlProjectResource extends Project {
  collaborators: Collaborator[];
  /**
   * The owning group itself for a group-owned project; the groups the owning
   * user belongs to (from the catalog) for a user-owned one. Members of these
   * groups read projects of `team` visibility.
   */
  ownerGroups: string[];
}

/**
 * One condition of a project filter, as the rules translate themselves for
 * list queries (the store turns them into SQL).
 *
 * @public
 */
export type MlProjectFilter =
  | { owner: string[] }
  | { collaborator: { subjects: string[]; roles: CollaboratorRole[] } }
  /** Projects whose `ownerGroups` include one of these groups. */
  | { ownerGroupIn: string[] }
  | { visibility: ProjectVisibility[] }
  | { teamRole: CollaboratorRole[] };

/**
 * The ML project resource type of the permission framework.
 *
 * @public
 */
export const mlProjectPermissionResourceRef = createPermissionResourceRef<
  MlProjectResource,
  MlProjectFilter
>().with({ pluginId: 'ml', resourceType: ML_PROJECT_RESOURCE_TYPE });
