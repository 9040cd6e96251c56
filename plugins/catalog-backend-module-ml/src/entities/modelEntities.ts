import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ML_MODEL_ID,
  ANNOTATION_ML_PROJECT_ID,
  ANNOTATION_ML_WORKSPACE,
  ML_DATASET_RESOURCE_TYPE,
  ML_ENTITY_API_VERSION,
  mlDatasetEntityRef,
  mlModelApiEntityRef,
  mlProjectEntityRef,
  mlProjectScopedEntityName,
  mlProjectSystemEntityRef,
  ML_MODEL_ENTITY_TYPE,
  mlRuntimeEntityName,
  Model,
  ModelBuild,
  ModelDeployment,
  ModelEntityV1alpha1,
  Project,
  Runtime,
  toEntityName,
  Workspace,
} from '@ml-platform/plugin-ml-common';
import { locationAnnotations } from '../provider/entities';
import { kubernetesAnnotations } from './kubernetesAnnotations';
import { openApiFromExamples } from './openApiFromExamples';
import { modelVersionRefOf } from './registryEntities';

/** The name of the runtime Resource of the build a Model entity shows. */
export const LABEL_ML_RUNTIME = 'ml-platform.io/runtime';

/** A model with what the catalog shows of it. */
export interface ModelView {
  model: Model;
  /**
   * The build the catalog describes: the active deployment's, or else the
   * newest build that succeeded (undefined when none did).
   */
  build?: ModelBuild;
  /** The deployment that serves traffic now. */
  activeDeployment?: ModelDeployment;
}

/** Where a model is: its workspace and project, and the provider's location. */
export interface ModelContext {
  workspace: Pick<Workspace, 'name' | 'owner' | 'driver'>;
  project: Pick<Project, 'id' | 'name' | 'owner' | 'workspace'>;
  locationRef: string;
  /** The ML backend's REST base URL, for the API's servers. */
  baseUrl: string;
  runtimes: Map<string, Runtime>;
}

/**
 * The build a model's entity describes: the one its active deployment
 * serves, else the newest that was built.
 */
export function pickShownBuild(
  builds: ModelBuild[],
  activeDeployment: ModelDeployment | undefined,
): ModelBuild | undefined {
  const active = activeDeployment
    ? builds.find(b => b.id === activeDeployment.buildId)
    : undefined;
  if (active) {
    return active;
  }
  return builds
    .filter(b => b.state === 'built')
    .reduce<ModelBuild | undefined>(
      (newest, b) => (!newest || b.number > newest.number ? b : newest),
      undefined,
    );
}

/**
 * `production` while a deployment serves the model, else `experimental`:
 * the lifecycle of the model and of its API.
 */
function lifecycleOf(view: ModelView): 'production' | 'experimental' {
  return view.activeDeployment?.state === 'deployed'
    ? 'production'
    : 'experimental';
}

function modelRefParts(context: ModelContext, model: Model) {
  return {
    workspace: context.workspace.name,
    project: context.project.name,
    name: model.name,
  };
}

function modelAnnotations(context: ModelContext, model: Model) {
  return {
    ...locationAnnotations(context.locationRef),
    [ANNOTATION_ML_WORKSPACE]: context.workspace.name,
    [ANNOTATION_ML_PROJECT_ID]: context.project.id,
    [ANNOTATION_ML_MODEL_ID]: model.id,
    ...kubernetesAnnotations(context.workspace.driver, {
      projectId: context.project.id,
      modelId: model.id,
    }),
  };
}

/** The datasets a build was trained on, as entity refs. */
export function datasetRefsOf(
  workspace: string,
  build: ModelBuild | undefined,
): string[] {
  return [
    ...new Set(
      (build?.datasets ?? []).map(t => mlDatasetEntityRef(workspace, t)),
    ),
  ];
}

/**
 * The catalog entity of an ML model: `model:<workspace>/<project>.<model>`,
 * part of its project and of the project's System, depending on the datasets
 * of the build it shows, providing its endpoint's API.
 *
 * The build's runtime is a label (`ml-platform.io/runtime`, the runtime
 * Resource's name), not a `dependsOn` relation: every model of every
 * project would relate to the same few runtime entities, and the catalog
 * re-stitches an entity with all of its relations whenever one of them
 * changes. With 4,000 models that made mirroring 10,000 objects 1.5-1.6x
 * slower than plain Components instead of 1.0x (bench/README.md). The
 * project depends on the runtimes of its models, jobs and applications.
 */
export function modelToEntity(
  view: ModelView,
  context: ModelContext,
): ModelEntityV1alpha1 {
  const { model, build } = view;
  const runtime = build ? context.runtimes.get(build.runtimeId) : undefined;
  const labels: Record<string, string> = {
    ...(build ? { 'ml-platform.io/build': String(build.number) } : {}),
    ...(runtime ? { [LABEL_ML_RUNTIME]: mlRuntimeEntityName(runtime) } : {}),
  };
  return {
    apiVersion: ML_ENTITY_API_VERSION,
    kind: 'Model',
    metadata: {
      name: mlProjectScopedEntityName(context.project.name, model.name),
      namespace: context.workspace.name,
      title: model.name,
      ...(model.description ? { description: model.description } : {}),
      annotations: modelAnnotations(context, model),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
    },
    spec: {
      type: ML_MODEL_ENTITY_TYPE,
      lifecycle: lifecycleOf(view),
      owner: context.project.owner,
      system: mlProjectSystemEntityRef(context.project),
      project: mlProjectEntityRef(context.project),
      mlModelId: model.id,
      dependsOn: [
        ...datasetRefsOf(context.workspace.name, build),
        ...(build?.registeredModel
          ? [modelVersionRefOf(build.registeredModel, context)]
          : []),
      ],
      providesApis: [mlModelApiEntityRef(modelRefParts(context, model))],
    },
  };
}

/**
 * The `API` entity of a model's endpoint (type `openapi`), with a spec made
 * from the examples of the build it shows. Its lifecycle is `production`
 * while a deployment serves it and `experimental` otherwise.
 */
export function modelApiToEntity(
  view: ModelView,
  context: ModelContext,
): Entity {
  const { model, build } = view;
  const definition = openApiFromExamples({
    model,
    projectName: context.project.name,
    baseUrl: context.baseUrl,
    examples: build?.examples ?? [],
    version: build ? `build ${build.number}` : 'not built',
  });
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: mlProjectScopedEntityName(context.project.name, model.name),
      namespace: context.workspace.name,
      title: `${model.name} endpoint`,
      description: `The REST endpoint of the model ${model.name} (project ${context.project.name}).`,
      annotations: modelAnnotations(context, model),
    },
    spec: {
      type: 'openapi',
      lifecycle: lifecycleOf(view),
      owner: context.project.owner,
      system: mlProjectSystemEntityRef(context.project),
      // Compact: the catalog stores and indexes every API entity, and the API
      // docs plugin formats the document itself.
      definition: JSON.stringify(definition),
    },
  };
}

/**
 * The `Resource` entity (type `dataset`) of a data table named in a
 * project's `lineage.yaml`. Projects of a workspace share tables, so the
 * entity says only what all of them agree on: the table and the workspace
 * (whose owner owns it). Models relate to it with `dependsOn`.
 */
export function datasetToEntity(
  table: string,
  workspace: Pick<Workspace, 'name' | 'owner'>,
  locationRef: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: toEntityName(table),
      namespace: workspace.name,
      title: table,
      description: `A data table that models of workspace ${workspace.name} are trained on (from lineage.yaml).`,
      annotations: {
        ...locationAnnotations(locationRef),
        [ANNOTATION_ML_WORKSPACE]: workspace.name,
      },
    },
    spec: {
      type: ML_DATASET_RESOURCE_TYPE,
      owner: workspace.owner,
    },
  };
}
