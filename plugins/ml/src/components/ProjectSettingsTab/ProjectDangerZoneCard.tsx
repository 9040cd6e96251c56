import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { DeleteAction } from '../GatedButton';

/** Deleting the project, kept apart from the settings that are safe to change. */
export function ProjectDangerZoneCard(props: {
  project: Project;
  onDeleted: () => void;
}) {
  const { project, onDeleted } = props;
  const api = useApi(mlApiRef);
  const access = useProjectAccess(project.id);
  return (
    <InfoCard title="Danger zone">
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="body2">
          Deleting the project stops its sessions, jobs, models and apps, and
          deletes its files. This cannot be undone.
        </Typography>
        <DeleteAction
          requires={{ access, role: 'admin' }}
          color="secondary"
          variant="outlined"
          question={`Delete project ${project.name}?`}
          consequences="Its files, settings and collaborators are deleted with it. This cannot be undone."
          onDelete={async () => {
            await api.deleteProject(project.id);
            onDeleted();
          }}
        >
          Delete project
        </DeleteAction>
      </Box>
    </InfoCard>
  );
}
