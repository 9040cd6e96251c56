export { NodeGroupUsage } from './NodeGroupUsage';
export type { NodeGroupUsageProps } from './NodeGroupUsage';
