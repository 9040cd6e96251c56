export { ModelTestPanel } from './ModelTestPanel';
export type { ModelTestPanelProps } from './ModelTestPanel';
