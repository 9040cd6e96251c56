import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { CollaboratorRole } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { ROLE_OPTIONS, isGroupRef, teamRoleHelp } from '../../lib/roles';
import { SelectField } from '../FormFields';

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
      <SelectField
        id="ml-new-project-owner"
        label="Owner"
        value={owner ?? me ?? ''}
        onChange={value => onOwnerChange(value === me ? undefined : value)}
        disabled={!identity.value || choices.length < 2}
        help={helperText}
        options={
          identity.value
            ? choices.map(ref => ({
                value: ref,
                label: ref === me ? `${ref} (you)` : ref,
              }))
            : [{ value: '', label: '…' }]
        }
      />
      {owner && (
        <SelectField
          id="ml-new-project-team-role"
          label="Team role"
          value={teamRole}
          onChange={role => onTeamRoleChange(role as CollaboratorRole)}
          help={teamRoleHelp(owner, teamRole)}
          options={ROLE_OPTIONS}
        />
      )}
    </>
  );
}
