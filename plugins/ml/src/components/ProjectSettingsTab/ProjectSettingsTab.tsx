import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { CollaboratorsCard } from '../CollaboratorsCard';
import { ProjectDetailsCard } from '../ProjectDetailsCard';
import { EnvVarsEditor } from '../EnvVarsEditor';

/** @public */
export interface ProjectSettingsTabProps {
  project: Project;
  /** Called with the project as saved. */
  onProjectChange: (project: Project) => void;
}

/** Details, environment variables and collaborators of a project. */
export function ProjectSettingsTab(props: ProjectSettingsTabProps) {
  const { project, onProjectChange } = props;
  const api = useApi(mlApiRef);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <ProjectDetailsCard
          project={project}
          onProjectChange={onProjectChange}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <EnvVarsEditor
          title="Environment variables"
          description="Override the workspace's site environment for this project's workloads"
          env={project.env}
          onSave={async env => {
            onProjectChange(await api.updateProject(project.id, { env }));
          }}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <CollaboratorsCard projectId={project.id} />
      </Grid>
    </Grid>
  );
}
