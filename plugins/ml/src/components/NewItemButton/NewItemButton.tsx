import Box from '@material-ui/core/Box';
import Button, { ButtonProps } from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';
import { CollaboratorRole } from '@ml-platform/plugin-ml-common';
import { ProjectAccess } from '../../hooks/useProjectAccess';
import { primaryAction } from '../GatedButton';
import { RoleGate } from '../RoleGate';

/** @public */
export interface NewItemButtonProps {
  /** The button's text, e.g. "New job"; also its accessible name. */
  label: string;
  onClick: () => void;
  /**
   * The project role creating needs: without it the button is disabled,
   * with the role in a tooltip.
   */
  requires?: { access: ProjectAccess; role: CollaboratorRole };
}

/**
 * The "New …" button itself, for a header or a toolbar that places it; its
 * children are its text.
 */
export function NewButton(props: ButtonProps) {
  return <Button {...primaryAction} startIcon={<AddIcon />} {...props} />;
}

/**
 * The "New …" button above a list, right-aligned, so that every list of the
 * plugin offers creation in the same place and style.
 */
export function NewItemButton(props: NewItemButtonProps) {
  const { label, onClick, requires } = props;
  const button = <NewButton onClick={onClick}>{label}</NewButton>;
  return (
    <Box display="flex" justifyContent="flex-end" marginBottom={2}>
      {requires ? (
        <RoleGate access={requires.access} requires={requires.role}>
          {button}
        </RoleGate>
      ) : (
        button
      )}
    </Box>
  );
}
