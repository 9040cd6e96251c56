/**
 * The ML platform backend plugin.
 *
 * @packageDocumentation
 */

export { mlPlugin as default } from './plugin';
