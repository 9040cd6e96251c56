export { SessionWorkbench } from './SessionWorkbench';
export type { SessionWorkbenchProps } from './SessionWorkbench';
