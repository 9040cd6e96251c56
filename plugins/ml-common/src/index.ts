/**
 * Isomorphic types, schemas and helpers of the ML platform.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './env';
export * from './schemas';
export * from './resources';
export * from './names';
export * from './permissions';
export * from './workloads';
export * from './workloadSchemas';
export * from './applicationSchemas';
export * from './events';
export * from './liveState';
export * from './lineage';
export * from './kinds';
export * from './models';
export * from './modelSchemas';
export * from './monitoring';
export * from './timeSchemas';
export * from './schema/openapi';
