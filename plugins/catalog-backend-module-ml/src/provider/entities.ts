import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  Entity,
} from '@backstage/catalog-model';
import {
  ANNOTATION_ML_PROJECT_ID,
  ANNOTATION_ML_PROJECT_REF,
  ANNOTATION_ML_WORKSPACE,
  ML_ENTITY_API_VERSION,
  mlProjectEntityRef,
  mlWorkspaceEntityRef,
  Project,
  ProjectEntityV1alpha1,
  Workspace,
  WorkspaceEntityV1alpha1,
} from '@ml-platform/plugin-ml-common';
import { kubernetesAnnotations } from '../entities/kubernetesAnnotations';

/** The location type of entities that the ML platform manages. */
export const ML_LOCATION_TYPE = 'ml-platform';

/** `ml-platform:<base URL of the ML backend>`, the location of its entities. */
export function mlLocationRef(baseUrl: string): string {
  return `${ML_LOCATION_TYPE}:${baseUrl}`;
}

/** The location annotations of every entity the provider emits. */
export function locationAnnotations(locationRef: string) {
  return {
    [ANNOTATION_LOCATION]: locationRef,
    [ANNOTATION_ORIGIN_LOCATION]: locationRef,
  };
}

/** Title and description, left out when the ML platform has none. */
export function titleAndDescription(item: {
  title: string;
  description: string;
}) {
  return {
    ...(item.title ? { title: item.title } : {}),
    ...(item.description ? { description: item.description } : {}),
  };
}

/**
 * The catalog entity of an ML workspace: `workspace:default/<name>`.
 */
export function workspaceToEntity(
  workspace: Workspace,
  locationRef: string,
): WorkspaceEntityV1alpha1 {
  return {
    apiVersion: ML_ENTITY_API_VERSION,
    kind: 'Workspace',
    metadata: {
      name: workspace.name,
      namespace: DEFAULT_NAMESPACE,
      ...titleAndDescription(workspace),
      annotations: {
        ...locationAnnotations(locationRef),
        [ANNOTATION_ML_WORKSPACE]: workspace.name,
        ...kubernetesAnnotations(workspace.driver, {
          workspace: workspace.name,
        }),
      },
    },
    spec: {
      owner: workspace.owner,
      driver: workspace.driver,
      nodeGroups: workspace.nodeGroups.map(group => ({
        name: group.name,
        cpu: group.cpu,
        memoryMiB: group.memoryMiB,
        gpu: group.gpu,
        minNodes: group.minNodes,
        maxNodes: group.maxNodes,
      })),
    },
  };
}

/**
 * The catalog entity of an ML project: `project:<workspace>/<name>`. Project
 * names are unique only within their workspace, so the workspace is the
 * entity's namespace.
 */
export function projectToEntity(
  project: Project,
  locationRef: string,
  extra: {
    /** Refs of the runtimes its jobs, models and applications run in. */
    runtimeRefs?: string[];
    /** The workspace's driver: on Kubernetes the entity gets the Kubernetes tab. */
    driver?: string;
  } = {},
): ProjectEntityV1alpha1 {
  const runtimeRefs = [...new Set(extra.runtimeRefs ?? [])].sort();
  return {
    apiVersion: ML_ENTITY_API_VERSION,
    kind: 'Project',
    metadata: {
      name: project.name,
      namespace: project.workspace,
      ...titleAndDescription(project),
      annotations: {
        ...locationAnnotations(locationRef),
        [ANNOTATION_ML_WORKSPACE]: project.workspace,
        [ANNOTATION_ML_PROJECT_ID]: project.id,
        ...kubernetesAnnotations(extra.driver, { projectId: project.id }),
      },
    },
    spec: {
      owner: project.owner,
      workspace: mlWorkspaceEntityRef(project.workspace),
      visibility: project.visibility,
      mlProjectId: project.id,
      ...(runtimeRefs.length > 0 ? { dependsOn: runtimeRefs } : {}),
    },
  };
}

/**
 * The `System` of an ML project: `system:<workspace>/<name>`, owned like the
 * project. Its models, their APIs and its applications name it in
 * `spec.system`, so the catalog's System column and the system's page show
 * them together. One System per project, not per workspace: every entity
 * that relates to it is re-stitched when it changes, and a project's System
 * has only the project's own entities as parts (bench/README.md).
 */
export function projectSystemToEntity(
  project: Project,
  locationRef: string,
  driver?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: project.name,
      namespace: project.workspace,
      title: project.title || project.name,
      description: `The models, APIs and applications of the ML project ${
        project.title || project.name
      }.`,
      annotations: {
        ...locationAnnotations(locationRef),
        [ANNOTATION_ML_WORKSPACE]: project.workspace,
        [ANNOTATION_ML_PROJECT_ID]: project.id,
        [ANNOTATION_ML_PROJECT_REF]: mlProjectEntityRef(project),
        ...kubernetesAnnotations(driver, { projectId: project.id }),
      },
    },
    spec: {
      owner: project.owner,
    },
  };
}
