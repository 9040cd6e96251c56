/**
 * Permission integration of the ML module for catalog policies: the
 * `IS_ML_PROJECT_READER` rule on catalog entities (which the module registers
 * with the catalog), its condition, and the marks it reads.
 *
 * @packageDocumentation
 */

export {
  mlCatalogConditions,
  mlCatalogPermissionRules,
} from './permissions/conditionExports';
export { isMlProjectReader } from './permissions/isMlProjectReader';
export {
  ANNOTATION_ML_VISIBILITY,
  ML_READERS_FIELD,
} from './entities/accessMarks';
