export { RoleGate } from './RoleGate';
export type { RoleGateProps } from './RoleGate';
