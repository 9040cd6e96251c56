import { ReactElement, cloneElement } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import { CollaboratorRole } from '@ml-platform/plugin-ml-common';
import {
  CHECKING_ACCESS,
  ProjectAccess,
  holdsRole,
  needsRole,
} from '../../hooks/useProjectAccess';

/** @public */
export interface RoleGateProps {
  access: ProjectAccess;
  /** The weakest role that may use the action. */
  requires: CollaboratorRole;
  /** One control (a button, an icon button) with a `disabled` prop. */
  children: ReactElement<{ disabled?: boolean }>;
}

/**
 * A project action as the user may use it: as it is with the role, else
 * disabled with a tooltip naming the role (or saying that access is still
 * being checked), the way Backstage's own plugins show a refused permission.
 */
export function RoleGate(props: RoleGateProps) {
  const { access, requires, children } = props;
  const allowed = holdsRole(access, requires);
  let reason = '';
  if (!allowed) {
    reason = access.loading ? CHECKING_ACCESS : needsRole(requires);
  }
  // The same elements either way, so that the control stays mounted when the
  // answer arrives. An empty title shows no tooltip.
  return (
    <Tooltip title={reason}>
      {/* A disabled button gets no mouse events; its wrapper does. */}
      <span>
        {cloneElement(children, {
          disabled: !allowed || children.props.disabled,
        })}
      </span>
    </Tooltip>
  );
}
