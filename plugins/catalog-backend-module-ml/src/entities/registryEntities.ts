import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_ML_PROJECT_ID,
  ANNOTATION_ML_WORKSPACE,
  ML_EXPERIMENT_RUN_RESOURCE_TYPE,
  ML_MODEL_VERSION_RESOURCE_TYPE,
  mlDatasetEntityRef,
  mlExperimentRunEntityRef,
  mlModelVersionEntityRef,
  mlProjectSystemEntityRef,
  RegisteredModelSource,
} from '@ml-platform/plugin-ml-common';
import { locationAnnotations } from '../provider/entities';
import { ModelContext } from './modelEntities';

/** The annotation with a registry version's MLflow run id. */
export const ANNOTATION_MLFLOW_RUN_ID = 'ml-platform.io/mlflow-run-id';

const refParts = (context: ModelContext) => ({
  workspace: context.workspace.name,
  project: context.project.name,
});

/** The entity ref of the version a build came from. */
export function modelVersionRefOf(
  source: RegisteredModelSource,
  context: ModelContext,
): string {
  return mlModelVersionEntityRef({
    ...refParts(context),
    name: source.name,
    version: source.version,
  });
}

function resource(
  ref: string,
  fields: {
    title: string;
    description: string;
    type: string;
    dependsOn: string[];
    annotations?: Record<string, string>;
  },
  context: ModelContext,
): Entity {
  const { name, namespace } = parseEntityRef(ref);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace,
      title: fields.title,
      description: fields.description,
      annotations: {
        ...locationAnnotations(context.locationRef),
        [ANNOTATION_ML_WORKSPACE]: context.workspace.name,
        [ANNOTATION_ML_PROJECT_ID]: context.project.id,
        ...fields.annotations,
      },
    },
    spec: {
      type: fields.type,
      owner: context.project.owner,
      system: mlProjectSystemEntityRef(context.project),
      dependsOn: fields.dependsOn,
    },
  };
}

/**
 * The catalog's part of the registry lineage of a model's shown build: the
 * model version (`Resource` of type `ml-model-version`), which depends on
 * the experiment run it came from (type `ml-experiment-run`), which depends
 * on the datasets it logged. Only runs that became a built version get an
 * entity: the catalog's graph stays the size of the models, not of the
 * experiments.
 */
export function registryLineageEntities(
  source: RegisteredModelSource,
  context: ModelContext,
): Entity[] {
  const datasetRefs = (source.datasets ?? []).map(table =>
    mlDatasetEntityRef(context.workspace.name, table),
  );
  const runRef = source.runId
    ? mlExperimentRunEntityRef({ ...refParts(context), runId: source.runId })
    : undefined;
  const version = resource(
    modelVersionRefOf(source, context),
    {
      title: `${source.name} v${source.version}`,
      description: `Version ${source.version} of the registered model ${source.name} (project ${context.project.name}).`,
      type: ML_MODEL_VERSION_RESOURCE_TYPE,
      dependsOn: runRef ? [runRef] : [],
    },
    context,
  );
  if (!runRef) return [version];
  const run = resource(
    runRef,
    {
      title: source.runName ?? source.runId!,
      description: `The experiment run version ${source.version} of ${source.name} was registered from.`,
      type: ML_EXPERIMENT_RUN_RESOURCE_TYPE,
      dependsOn: datasetRefs,
      annotations: { [ANNOTATION_MLFLOW_RUN_ID]: source.runId! },
    },
    context,
  );
  return [version, run];
}
