import Button, { ButtonProps } from '@material-ui/core/Button';
import { CollaboratorRole } from '@ml-platform/plugin-ml-common';
import { ProjectAccess } from '../../hooks/useProjectAccess';
import { RoleGate } from '../RoleGate';

/** The project role an action needs, and what the user holds. */
export interface ActionRequirement {
  access: ProjectAccess;
  role: CollaboratorRole;
}

/** @public */
export interface GatedButtonProps extends ButtonProps {
  /** Without this role the button is disabled, with the role in a tooltip. */
  requires: ActionRequirement;
}

/** A button for a project action that needs a role: see `RoleGate`. */
export function GatedButton(props: GatedButtonProps) {
  const { requires, ...button } = props;
  return (
    <RoleGate access={requires.access} requires={requires.role}>
      <Button {...button} />
    </RoleGate>
  );
}
