export { SplitPane } from './SplitPane';
export type { SplitPaneProps } from './SplitPane';
