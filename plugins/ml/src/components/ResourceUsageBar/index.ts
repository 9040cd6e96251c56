export { ResourceUsageBar } from './ResourceUsageBar';
export type { ResourceUsageBarProps } from './ResourceUsageBar';
