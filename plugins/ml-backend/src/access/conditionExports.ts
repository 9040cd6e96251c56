import { createConditionExports } from '@backstage/plugin-permission-node';
import { mlProjectPermissionResourceRef } from '@ml-platform/plugin-ml-node';
import { mlProjectPermissionRules } from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: mlProjectPermissionResourceRef,
  rules: mlProjectPermissionRules,
});

/**
 * Conditions on ML projects for permission policies, one per rule.
 *
 * @alpha
 */
export const mlProjectConditions = conditions;

/**
 * Wraps project conditions into a conditional policy decision.
 *
 * @alpha
 */
export const createMlProjectConditionalDecision = createConditionalDecision;
