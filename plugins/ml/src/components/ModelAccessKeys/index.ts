export { ModelAccessKeys } from './ModelAccessKeys';
export type { ModelAccessKeysProps } from './ModelAccessKeys';
