import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import { Project } from '@ml-platform/plugin-ml-common';
import { useState } from 'react';
import { mlApiRef } from '../../api';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { ConfirmDialog } from '../ConfirmDialog';
import { RoleGate } from '../RoleGate';

/** Deleting the project, kept apart from the settings that are safe to change. */
export function ProjectDangerZoneCard(props: {
  project: Project;
  onDeleted: () => void;
}) {
  const { project, onDeleted } = props;
  const api = useApi(mlApiRef);
  const access = useProjectAccess(project.id);
  const [deleting, setDeleting] = useState(false);
  return (
    <InfoCard title="Danger zone">
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="body2">
          Deleting the project stops its sessions, jobs, models and apps, and
          deletes its files. This cannot be undone.
        </Typography>
        <RoleGate access={access} requires="admin">
          <Button
            color="secondary"
            variant="outlined"
            startIcon={<DeleteIcon />}
            onClick={() => setDeleting(true)}
          >
            Delete project
          </Button>
        </RoleGate>
      </Box>
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
    </InfoCard>
  );
}
