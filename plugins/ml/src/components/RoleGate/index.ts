export { RoleGate } from './RoleGate';
export type { RoleGateProps } from './RoleGate';
export { ReadOnlyNotice } from './ReadOnlyNotice';
export type { ReadOnlyNoticeProps } from './ReadOnlyNotice';
