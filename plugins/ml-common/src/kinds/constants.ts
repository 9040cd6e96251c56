/**
 * The apiVersion of the ML platform's catalog kinds (`Workspace`, `Project`,
 * `Model`).
 *
 * @public
 */
export const ML_ENTITY_API_VERSION = 'ml-platform.io/v1alpha1';

/**
 * The name of the ML workspace an entity stands for or belongs to.
 *
 * @public
 */
export const ANNOTATION_ML_WORKSPACE = 'ml-platform.io/workspace';

/**
 * The id of the ML project an entity stands for or belongs to.
 *
 * @public
 */
export const ANNOTATION_ML_PROJECT_ID = 'ml-platform.io/project-id';

/**
 * The id of the ML model an entity stands for.
 *
 * @public
 */
export const ANNOTATION_ML_MODEL_ID = 'ml-platform.io/model-id';

/**
 * The id of the ML runtime a `Resource` entity of type `ml-runtime` stands
 * for.
 *
 * @public
 */
export const ANNOTATION_ML_RUNTIME_ID = 'ml-platform.io/runtime-id';

/**
 * The id of the ML application a `Component` entity of type
 * `ml-application` stands for.
 *
 * @public
 */
export const ANNOTATION_ML_APPLICATION_ID = 'ml-platform.io/application-id';

/**
 * The `spec.type` of `Resource` entities that stand for ML runtimes.
 *
 * @public
 */
export const ML_RUNTIME_RESOURCE_TYPE = 'ml-runtime';

/**
 * The `spec.type` of `Resource` entities that stand for datasets (data
 * tables named in a project's `lineage.yaml`).
 *
 * @public
 */
export const ML_DATASET_RESOURCE_TYPE = 'dataset';

/**
 * The `spec.type` of `Resource` entities that stand for model registry
 * versions a model was built from.
 *
 * @public
 */
export const ML_MODEL_VERSION_RESOURCE_TYPE = 'ml-model-version';

/**
 * The `spec.type` of `Resource` entities that stand for the experiment runs
 * registered model versions came from.
 *
 * @public
 */
export const ML_EXPERIMENT_RUN_RESOURCE_TYPE = 'ml-experiment-run';

/**
 * The `spec.type` of `Component` entities that stand for ML applications.
 *
 * @public
 */
export const ML_APPLICATION_COMPONENT_TYPE = 'ml-application';

/**
 * The `spec.type` of `Model` entities: the platform records no framework
 * per build, so every model is of this one type.
 *
 * @public
 */
export const ML_MODEL_ENTITY_TYPE = 'ml-model';

/**
 * Application env vars that name the models an application calls: one model
 * name (`ML_MODEL_NAME`) or a comma-separated list (`ML_MODEL_NAMES`). A bare
 * name is a model of the application's project; `<project>/<model>` is a
 * model of another project in the same workspace. The catalog relates the
 * application's `Component` to those models' `API`s with `consumesApi`.
 *
 * @public
 */
export const ML_APPLICATION_MODEL_ENV_VARS = [
  'ML_MODEL_NAME',
  'ML_MODEL_NAMES',
] as const;

/**
 * The entity ref of the ML project an entity of a built-in kind belongs to
 * (an application's `Component`); the catalog relates it `partOf` the
 * project.
 *
 * @public
 */
export const ANNOTATION_ML_PROJECT_REF = 'ml-platform.io/project';
