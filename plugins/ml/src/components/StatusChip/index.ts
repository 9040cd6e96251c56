export { COMMON_LOOKS, StatusChip } from './StatusChip';
export type { StatusChipProps, StatusKind, StatusLook } from './StatusChip';
