import {
  Entity,
  entityKindSchemaValidator,
  KindValidator,
} from '@backstage/catalog-model';
import { ML_ENTITY_API_VERSION } from './constants';

/**
 * The catalog validator of one ML kind from its JSON schema: `false` for
 * other kinds, an error for an entity of the kind that does not match.
 */
export function mlKindValidator(schema: unknown): KindValidator {
  const validator = entityKindSchemaValidator(schema);
  return {
    async check(data: Entity) {
      return validator(data) === data;
    },
  };
}

/** Whether an entity is of the ML kind `kind` (any other apiVersion is not). */
export function isMlKind(entity: Entity, kind: string): boolean {
  return entity.apiVersion === ML_ENTITY_API_VERSION && entity.kind === kind;
}
