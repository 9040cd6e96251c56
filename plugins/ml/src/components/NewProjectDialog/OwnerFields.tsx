import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import {
  COLLABORATOR_ROLES,
  CollaboratorRole,
} from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { isGroupRef, teamRoleHelp } from '../../lib/roles';

/** @public */
export interface OwnerFieldsProps {
  /** A group of the user's; undefined for the user, the default. */
  owner?: string;
  teamRole: CollaboratorRole;
  onOwnerChange: (owner: string | undefined) => void;
  onTeamRoleChange: (role: CollaboratorRole) => void;
}

/** The refs a user may give a project to: their own first, then their groups. */
export function ownerChoices(identity: {
  userEntityRef: string;
  ownershipEntityRefs: string[];
}): string[] {
  const groups = identity.ownershipEntityRefs.filter(
    ref => isGroupRef(ref) && ref !== identity.userEntityRef,
  );
  return [identity.userEntityRef, ...new Set(groups)];
}

/**
 * Who owns a new project: the user or one of their groups (the backend
 * refuses anyone else), and for a group the role its members get.
 */
export function OwnerFields(props: OwnerFieldsProps) {
  const { owner, teamRole, onOwnerChange, onTeamRoleChange } = props;
  const identityApi = useApi(identityApiRef);
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const me = identity.value?.userEntityRef;
  const choices = identity.value ? ownerChoices(identity.value) : [];

  let helperText = 'You, or a group you belong to';
  if (identity.error) {
    helperText = 'Your groups could not be loaded; the project will be yours';
  } else if (identity.value && choices.length === 1) {
    helperText = 'You belong to no group, so the project will be yours';
  }

  return (
    <>
      <TextField
        id="ml-new-project-owner"
        label="Owner"
        select
        SelectProps={{ native: true }}
        value={owner ?? me ?? ''}
        onChange={e =>
          onOwnerChange(e.target.value === me ? undefined : e.target.value)
        }
        disabled={!identity.value || choices.length < 2}
        helperText={helperText}
        fullWidth
        margin="normal"
      >
        {!identity.value && <option value="">…</option>}
        {choices.map(ref => (
          <option key={ref} value={ref}>
            {ref === me ? `${ref} (you)` : ref}
          </option>
        ))}
      </TextField>
      {owner && (
        <TextField
          id="ml-new-project-team-role"
          label="Team role"
          select
          SelectProps={{ native: true }}
          value={teamRole}
          onChange={e => onTeamRoleChange(e.target.value as CollaboratorRole)}
          helperText={teamRoleHelp(owner, teamRole)}
          fullWidth
          margin="normal"
        >
          {COLLABORATOR_ROLES.map(role => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </TextField>
      )}
    </>
  );
}
