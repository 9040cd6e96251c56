import { createConditionFactory } from '@backstage/plugin-permission-node';
import { isMlProjectReader } from './isMlProjectReader';

/**
 * The ML platform's rules on catalog entities, as the module registers them
 * with the catalog.
 *
 * @alpha
 */
export const mlCatalogPermissionRules = { isMlProjectReader };

/**
 * Conditions on catalog entities for permission policies, one per rule of
 * {@link mlCatalogPermissionRules}. Wrap them with
 * `createCatalogConditionalDecision` from
 * `@backstage/plugin-catalog-backend/alpha`:
 *
 * ```ts
 * if (isPermission(request.permission, catalogEntityReadPermission)) {
 *   return createCatalogConditionalDecision(
 *     request.permission,
 *     mlCatalogConditions.isMlProjectReader({
 *       claims: user?.info.ownershipEntityRefs ?? [],
 *     }),
 *   );
 * }
 * ```
 *
 * @alpha
 */
export const mlCatalogConditions = {
  isMlProjectReader: createConditionFactory(isMlProjectReader),
};
