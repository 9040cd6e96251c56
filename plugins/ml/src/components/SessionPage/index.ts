export { SessionPage } from './SessionPage';
export type { SessionPageProps } from './SessionPage';
