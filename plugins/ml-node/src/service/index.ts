export * from './MlService';
export { MlResponseError, isMlResponseError } from './MlResponseError';
export { DefaultMlService } from './DefaultMlService';
export type { DefaultMlServiceOptions } from './DefaultMlService';
export { mlServiceRef } from './mlServiceRef';
