/**
 * Permission integration of the ML backend, for permission policies: the ML
 * project rules, their conditions and CML's roles as conditions.
 *
 * @packageDocumentation
 */

export {
  createMlProjectConditionalDecision,
  mlProjectConditions,
} from './access/conditionExports';
export { mlProjectPermissionRules } from './access/rules';
export {
  createMlProjectRoleDecision,
  mlProjectRoleConditions,
} from './access/projectRoleConditions';
export type { MlPolicyUser } from './access/projectRoleConditions';
