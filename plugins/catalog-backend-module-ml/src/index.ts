/**
 * The ml module for the catalog plugin: the ML platform's `Workspace`,
 * `Project` and `Model` kinds, and an entity provider that mirrors its
 * workspaces and projects into the catalog.
 *
 * @packageDocumentation
 */

export { catalogModuleMl as default } from './module';
