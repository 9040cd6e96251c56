import { useState } from 'react';
import {
  InfoCard,
  Link,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import DeleteIcon from '@material-ui/icons/Delete';
import { Project } from '@ml-platform/plugin-ml-common';
import { DateTime } from 'luxon';
import { mlApiRef } from '../../api';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { isGroupRef } from '../../lib/roles';
import { workspaceRouteRef } from '../../routes';
import { ConfirmDialog } from '../ConfirmDialog';
import { RoleGate } from '../RoleGate';

/** @public */
export interface ProjectOverviewProps {
  project: Project;
  onDeleted: () => void;
}

function when(iso: string) {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}

/** What a project is, who owns it, and the way to delete it (admins). */
export function ProjectOverview(props: ProjectOverviewProps) {
  const { project, onDeleted } = props;
  const api = useApi(mlApiRef);
  const access = useProjectAccess(project.id);
  const workspaceLink = useRouteRef(workspaceRouteRef);
  const [deleting, setDeleting] = useState(false);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard
          title="About"
          action={
            <RoleGate access={access} requires="admin">
              <Button
                startIcon={<DeleteIcon />}
                onClick={() => setDeleting(true)}
              >
                Delete project
              </Button>
            </RoleGate>
          }
        >
          <StructuredMetadataTable
            metadata={{
              name: project.name,
              title: project.title,
              description: project.description || '—',
              workspace: (
                <Link to={workspaceLink({ workspace: project.workspace })}>
                  {project.workspace}
                </Link>
              ),
              owner: project.owner,
              visibility: project.visibility,
              ...(isGroupRef(project.owner)
                ? { 'team role': `${project.teamRole} (members of the owner)` }
                : {}),
              'created by': project.createdBy,
              created: when(project.createdAt),
              updated: when(project.updatedAt),
            }}
          />
        </InfoCard>
      </Grid>
      <ConfirmDialog
        open={deleting && access.canAdmin}
        title={`Delete project ${project.name}?`}
        onConfirm={async () => {
          await api.deleteProject(project.id);
          onDeleted();
        }}
        onClose={() => setDeleting(false)}
      >
        Its files, settings and collaborators are deleted with it. This cannot
        be undone.
      </ConfirmDialog>
    </Grid>
  );
}
