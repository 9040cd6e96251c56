import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { CollaboratorRole } from '@ml-platform/plugin-ml-common';
import { ProjectAccess, holdsRole } from '../../hooks/useProjectAccess';

/** @public */
export interface ReadOnlyNoticeProps {
  access: ProjectAccess;
  /** The weakest role that may change what the tab shows. */
  requires: CollaboratorRole;
  /** What the role changes, e.g. "files". */
  changing: string;
}

/**
 * The first row of a tab's grid, for users who only see what it shows: says
 * which role changing it needs. Nothing while access is still checked.
 */
export function ReadOnlyNotice(props: ReadOnlyNoticeProps) {
  const { access, requires, changing } = props;
  if (access.loading || holdsRole(access, requires)) {
    return null;
  }
  return (
    <Grid item xs={12}>
      <Alert severity="info">
        {`Read-only: changing ${changing} needs the ${requires} role on this project.`}
      </Alert>
    </Grid>
  );
}
