/**
 * Node library of the ML platform: extension points for backend modules.
 *
 * @packageDocumentation
 */

export * from './ComputeDriver';
export * from './extensions';
export * from './notifiers';
export * from './permissions';
export * from './service';
