/**
 * Test helpers for packages that test against the ML backend (backend
 * modules, the portal's own tests): a real plugin on a test database, and
 * the policy and identities of the portal's default permission setup.
 *
 * @packageDocumentation
 */

export {
  startMlBackend,
  STANDARD_NODE_GROUP,
} from './__testUtils__/startMlBackend';
export type { MlTestBackend } from './__testUtils__/startMlBackend';
export { createTestDatabases } from './__testUtils__/testDatabases';
export {
  membershipUserInfoFactory,
  policyServiceFactories,
  testPolicy,
} from './__testUtils__/testPolicy';
export type { TestMemberships } from './__testUtils__/testPolicy';
