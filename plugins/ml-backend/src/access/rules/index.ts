import { hasCollaboratorRole } from './hasCollaboratorRole';
import { hasProjectVisibility } from './hasProjectVisibility';
import { hasTeamRole } from './hasTeamRole';
import { isOwnerGroupMember } from './isOwnerGroupMember';
import { isProjectOwner } from './isProjectOwner';

export {
  hasCollaboratorRole,
  hasProjectVisibility,
  hasTeamRole,
  isOwnerGroupMember,
  isProjectOwner,
};

/**
 * The ML project rules, for policies and for the permissions registry.
 *
 * @alpha
 */
export const mlProjectPermissionRules = {
  isProjectOwner,
  hasCollaboratorRole,
  isOwnerGroupMember,
  hasProjectVisibility,
  hasTeamRole,
};
