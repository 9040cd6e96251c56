export { WorkloadSummaryCard } from './WorkloadSummaryCard';
export type { WorkloadSummaryCardProps } from './WorkloadSummaryCard';
