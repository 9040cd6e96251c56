import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Project } from '@ml-platform/plugin-ml-common';
import { projectSlug } from '../../../lib/projectSlug';
import { registeredModelRouteRef } from '../../../routes';
import { useProjectRegisteredModels } from '../useProjectRegisteredModels';
import { RegisteredModelsTable } from './RegisteredModelsTable';

/** @public */
export interface ProjectRegistryTabProps {
  project: Project;
}

/**
 * The Model registry tab: the project's registered models (MLflow's), each
 * linked to its page with its versions, builds and deployments.
 */
export function ProjectRegistryTab(props: ProjectRegistryTabProps) {
  const { project } = props;
  const modelLink = useRouteRef(registeredModelRouteRef);
  const models = useProjectRegisteredModels(project.id);

  if (models.loading && !models.value) {
    return <Progress />;
  }
  if (models.error || !models.value) {
    return <ResponseErrorPanel error={models.error ?? new Error()} />;
  }
  return (
    <RegisteredModelsTable
      models={models.value}
      linkTo={m =>
        modelLink({ projectId: projectSlug(project), modelName: m.name })
      }
    />
  );
}
