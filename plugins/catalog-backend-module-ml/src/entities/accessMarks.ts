import { Entity } from '@backstage/catalog-model';

/**
 * The visibility of the ML project an entity belongs to, on the entities of
 * projects that are not public (`private` or `team`). An entity with this
 * annotation is restricted: only its readers see it, under a policy that
 * uses the `IS_ML_PROJECT_READER` rule. Any value but `public` restricts,
 * so a mistyped value hides rather than shows.
 *
 * @alpha
 */
export const ANNOTATION_ML_VISIBILITY = 'ml-platform.io/visibility';

/**
 * The metadata field with the readers of a restricted entity: user and group
 * entity refs, lowercased. A metadata field rather than an annotation
 * (a single string) or a relation (it would show on every user and group
 * page, naming the private projects there): the catalog indexes each value
 * of a string array as its own search row, so the rule can filter on it.
 *
 * @alpha
 */
export const ML_READERS_FIELD = 'mlReaders';

/** Who may read the entities of a project that is not public. */
export interface MlProjectAccess {
  visibility: 'private' | 'team';
  /** Lowercased, sorted, unique user and group entity refs. */
  readers: string[];
}

/**
 * The entity marked as restricted to the project's readers; unchanged when
 * the project is public (no access).
 */
export function withAccessMarks<T extends Entity>(
  entity: T,
  access: MlProjectAccess | undefined,
): T {
  if (!access) {
    return entity;
  }
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_ML_VISIBILITY]: access.visibility,
      },
      [ML_READERS_FIELD]: access.readers,
    },
  };
}

/** The value of an object's key, the key compared case-insensitively. */
function valueOf(object: unknown, key: string): unknown {
  if (!object || typeof object !== 'object' || Array.isArray(object)) {
    return undefined;
  }
  const wanted = key.toLocaleLowerCase('en-US');
  const found = Object.keys(object).find(
    k => k.toLocaleLowerCase('en-US') === wanted,
  );
  return found === undefined
    ? undefined
    : (object as Record<string, unknown>)[found];
}

/** Values as the catalog's search index holds them: primitives, lowercased. */
function indexedValues(value: unknown): string[] {
  if (['string', 'number', 'boolean'].includes(typeof value)) {
    return [String(value).toLocaleLowerCase('en-US')];
  }
  return Array.isArray(value) ? value.flatMap(indexedValues) : [];
}

/**
 * How an entity is restricted, read the way the catalog's search index
 * reads it (keys and values case-insensitively), so that the rule's
 * `apply` and its query agree on every entity, including hand-written ones.
 */
export function readAccessMarks(entity: Entity): {
  restricted: boolean;
  readers: string[];
} {
  const annotations = valueOf(entity.metadata, 'annotations');
  const visibility = valueOf(annotations, ANNOTATION_ML_VISIBILITY);
  const restricted =
    visibility !== undefined &&
    String(visibility).toLocaleLowerCase('en-US') !== 'public';
  return {
    restricted,
    readers: indexedValues(valueOf(entity.metadata, ML_READERS_FIELD)),
  };
}
