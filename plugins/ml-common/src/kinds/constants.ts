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
