export { CapacityBars } from './CapacityBars';
export type { CapacityBarsProps } from './CapacityBars';
