export { LocalProcessDriver } from './LocalProcessDriver';
export type { LocalProcessDriverOptions } from './LocalProcessDriver';
