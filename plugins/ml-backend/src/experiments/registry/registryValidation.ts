import { invalidParameter } from '../MlflowError';
import { LIMITS, validateKey, validateLength } from '../tracking/limits';
import { KeyValue } from '../tracking/types';
import { MODEL_STAGES, ModelStage } from './types';

/**
 * MLflow's checks of registry input (`mlflow/utils/validation.py`,
 * `mlflow/entities/model_registry/model_version_stages.py`), with its
 * messages, which clients show as they are.
 */

const NAME_LENGTH = 256;
const ALIAS_LENGTH = 255;
const ALIAS_PATTERN = /^[\w-]*$/;
const VERSION_ALIAS_PATTERN = /^[vV]\d+$/;

/** A registered model's name. */
export function validModelName(name: string | undefined): string {
  if (!name) {
    throw invalidParameter('Registered model name cannot be empty.');
  }
  validateLength('Registered model name', NAME_LENGTH, name);
  return name;
}

/** A version number as MLflow's wire sends it (a string of digits). */
export function validVersion(version: string): number {
  if (!/^\d{1,9}$/.test(version.trim())) {
    throw invalidParameter(
      `Model version must be an integer, got '${version}'.`,
    );
  }
  return Number(version);
}

/** An alias, which may not look like a version nor be `latest`. */
export function validAlias(alias: string): string {
  if (!alias) {
    throw invalidParameter('Registered model alias name cannot be empty.');
  }
  if (!ALIAS_PATTERN.test(alias)) {
    throw invalidParameter(
      `Invalid alias name: '${alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).`,
    );
  }
  validateLength('Registered model alias name', ALIAS_LENGTH, alias);
  if (alias.toLowerCase() === 'latest') {
    throw invalidParameter(
      "'latest' alias name (case insensitive) is reserved.",
    );
  }
  if (VERSION_ALIAS_PATTERN.test(alias)) {
    throw invalidParameter(`Version alias name '${alias}' is reserved.`);
  }
  return alias;
}

/** A stage in MLflow's canonical spelling; any case is taken. */
export function canonicalStage(stage: string): ModelStage {
  const found = MODEL_STAGES.find(
    s => s.toLowerCase() === stage.trim().toLowerCase(),
  );
  if (!found) {
    throw invalidParameter(
      `Invalid Model Version stage: ${stage}. Value must be one of ${MODEL_STAGES.join(
        ', ',
      )}.`,
    );
  }
  return found;
}

export function validateRegistryTag(tag: KeyValue) {
  validateKey('tag', tag.key);
  validateLength('Tag value', LIMITS.tagValueLength, tag.value);
}
