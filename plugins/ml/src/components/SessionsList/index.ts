export { SessionsList } from './SessionsList';
export type { SessionsListProps } from './SessionsList';
