export { CapacityBars } from './CapacityBars';
export type { CapacityBarsProps } from './CapacityBars';
export { WorkspaceCapacityBars } from './WorkspaceCapacityBars';
export type { WorkspaceCapacityBarsProps } from './WorkspaceCapacityBars';
