export { WorkspaceCard } from './WorkspaceCard';
export type { WorkspaceCardProps } from './WorkspaceCard';
