export { ModelEndpointCard } from './ModelEndpointCard';
export type { ModelEndpointCardProps } from './ModelEndpointCard';
