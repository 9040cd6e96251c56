import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { CollaboratorsCard } from '../CollaboratorsCard';
import { ProjectDetailsCard } from '../ProjectDetailsCard';
import { EnvVarsEditor } from '../EnvVarsEditor';
import { ProjectDangerZoneCard } from './ProjectDangerZoneCard';
import { ProjectEnvView } from './ProjectEnvView';
import { ReadOnlyNotice } from '../RoleGate';

/** @public */
export interface ProjectSettingsTabProps {
  project: Project;
  /** Called with the project as saved. */
  onProjectChange: (project: Project) => void;
  /** Called once the project is deleted (the page then leaves it). */
  onDeleted?: () => void;
}

const ENV_TITLE = 'Environment variables';
const ENV_DESCRIPTION =
  "Override the workspace's site environment for this project's workloads";

/**
 * Details, environment variables and collaborators of a project, and its
 * deletion; only its admins change them, the others see them read-only.
 */
export function ProjectSettingsTab(props: ProjectSettingsTabProps) {
  const { project, onProjectChange, onDeleted } = props;
  const api = useApi(mlApiRef);
  const access = useProjectAccess(project.id);
  return (
    <Grid container spacing={3}>
      <ReadOnlyNotice
        access={access}
        requires="admin"
        changing="the settings and collaborators"
      />
      <Grid item xs={12} lg={6}>
        <ProjectDetailsCard
          project={project}
          onProjectChange={onProjectChange}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        {access.canAdmin ? (
          <EnvVarsEditor
            title={ENV_TITLE}
            description={ENV_DESCRIPTION}
            env={project.env}
            onSave={async env => {
              onProjectChange(await api.updateProject(project.id, { env }));
            }}
          />
        ) : (
          <ProjectEnvView
            title={ENV_TITLE}
            description={ENV_DESCRIPTION}
            env={project.env}
          />
        )}
      </Grid>
      <Grid item xs={12} lg={6}>
        <CollaboratorsCard projectId={project.id} />
      </Grid>
      <Grid item xs={12}>
        <ProjectDangerZoneCard
          project={project}
          onDeleted={() => onDeleted?.()}
        />
      </Grid>
    </Grid>
  );
}
