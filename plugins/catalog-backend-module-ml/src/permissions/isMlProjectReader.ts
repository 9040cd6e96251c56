import { EntitiesSearchFilter } from '@backstage/plugin-catalog-node';
import { catalogEntityPermissionResourceRef } from '@backstage/plugin-catalog-node/alpha';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import {
  ANNOTATION_ML_VISIBILITY,
  ML_READERS_FIELD,
  readAccessMarks,
} from '../entities/accessMarks';

const VISIBILITY_KEY = `metadata.annotations.${ANNOTATION_ML_VISIBILITY}`;
const READERS_KEY = `metadata.${ML_READERS_FIELD}`;

/**
 * Entities that are not restricted to the readers of a private or team ML
 * project, and those whose readers include one of the claims (the user's
 * ref and their groups, i.e. their ownership refs). Every entity that has
 * nothing to do with the ML platform passes.
 *
 * @alpha
 */
export const isMlProjectReader = createPermissionRule({
  name: 'IS_ML_PROJECT_READER',
  description:
    'Allow entities that are not restricted to the readers of an ML project, and those whose readers include one of the claims',
  resourceRef: catalogEntityPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        'User and group entity refs of the caller; one of them must be among the readers of a restricted entity',
      ),
  }),
  apply: (entity, { claims }) => {
    const { restricted, readers } = readAccessMarks(entity);
    if (!restricted) {
      return true;
    }
    const wanted = new Set(claims.map(c => c.toLocaleLowerCase('en-US')));
    return readers.some(reader => wanted.has(reader));
  },
  toQuery: ({ claims }): PermissionCriteria<EntitiesSearchFilter> => {
    const notRestricted = { not: { key: VISIBILITY_KEY } };
    const isPublic = { key: VISIBILITY_KEY, values: ['public'] };
    // No claims, no readers' clause: an empty list of values filters nothing.
    return claims.length > 0
      ? {
          anyOf: [
            notRestricted,
            isPublic,
            { key: READERS_KEY, values: claims },
          ],
        }
      : { anyOf: [notRestricted, isPublic] };
  },
});
