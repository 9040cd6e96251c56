import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ML_APPLICATION_ID,
  ANNOTATION_ML_PROJECT_ID,
  ANNOTATION_ML_PROJECT_REF,
  ANNOTATION_ML_WORKSPACE,
  Application,
  ML_APPLICATION_COMPONENT_TYPE,
  mlModelApiEntityRef,
  mlProjectEntityRef,
  mlProjectSystemEntityRef,
  mlRuntimeEntityRef,
  modelsCalledBy,
  Project,
  Runtime,
  toEntityName,
  Workspace,
} from '@ml-platform/plugin-ml-common';
import { locationAnnotations } from '../provider/entities';
import { kubernetesAnnotations } from './kubernetesAnnotations';

/**
 * The catalog entity of an ML application: a `Component` of type
 * `ml-application`, named by its slug (unique in the portal), part of its
 * project and of the project's System, consuming the APIs of the models it
 * calls and depending on its runtime.
 */
export function applicationToEntity(
  application: Application,
  context: {
    workspace: Pick<Workspace, 'name' | 'driver'>;
    project: Pick<Project, 'id' | 'name' | 'owner' | 'workspace'>;
    locationRef: string;
    baseUrl: string;
    runtimes: Map<string, Runtime>;
  },
): Entity {
  const { workspace, project } = context;
  const runtime = context.runtimes.get(application.runtimeId);
  const consumesApis = modelsCalledBy(application, project.name).map(m =>
    mlModelApiEntityRef({ workspace: workspace.name, ...m }),
  );
  const url = application.url.startsWith('http')
    ? application.url
    : `${context.baseUrl}/${application.url.replace(/^\//, '')}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: toEntityName(application.slug),
      namespace: workspace.name,
      title: application.name,
      ...(application.description
        ? { description: application.description }
        : {}),
      annotations: {
        ...locationAnnotations(context.locationRef),
        [ANNOTATION_ML_WORKSPACE]: workspace.name,
        [ANNOTATION_ML_PROJECT_ID]: project.id,
        [ANNOTATION_ML_PROJECT_REF]: mlProjectEntityRef(project),
        [ANNOTATION_ML_APPLICATION_ID]: application.id,
        ...kubernetesAnnotations(workspace.driver, {
          projectId: project.id,
          applicationSlug: application.slug,
        }),
      },
      links: [{ url, title: 'Open the application', icon: 'dashboard' }],
    },
    spec: {
      type: ML_APPLICATION_COMPONENT_TYPE,
      lifecycle: 'production',
      owner: project.owner,
      system: mlProjectSystemEntityRef(project),
      ...(consumesApis.length > 0 ? { consumesApis } : {}),
      ...(runtime ? { dependsOn: [mlRuntimeEntityRef(runtime)] } : {}),
    },
  };
}
