export { FilePanel } from './FilePanel';
export type { FilePanelProps } from './FilePanel';
