export { ModelMonitoring } from './ModelMonitoring';
export type { ModelMonitoringProps } from './ModelMonitoring';
