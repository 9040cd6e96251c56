/**
 * Test helpers of the catalog module, for the catalog bench (bench/catalog.ts)
 * and packages that test against it: a fake ML backend, fixtures, and the
 * reader the entity provider uses.
 *
 * @packageDocumentation
 */

// This entry point exists to publish the helpers of __testUtils__, which the
// rule keeps out of production code.
/* eslint-disable no-restricted-imports */

export { FakeMlBackend } from './__testUtils__/FakeMlBackend';
export * from './__testUtils__/fixtures';
export { catalogModuleMl } from './module';
export { MlPlatformReader } from './provider/MlPlatformReader';
