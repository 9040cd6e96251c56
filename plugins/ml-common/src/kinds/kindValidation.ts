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

/**
 * The type guard of one ML kind: whether an entity is of the kind (with the
 * ML apiVersion; any other is not).
 */
export function mlKindGuard<T extends Entity>(kind: T['kind']) {
  return (entity: Entity): entity is T =>
    entity.apiVersion === ML_ENTITY_API_VERSION && entity.kind === kind;
}
