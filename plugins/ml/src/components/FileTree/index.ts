export { FileTree } from './FileTree';
export type { FileTreeProps } from './FileTree';
