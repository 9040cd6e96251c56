export { JobDependencyGraph } from './JobDependencyGraph';
export type { JobDependencyGraphProps } from './JobDependencyGraph';
