export { JobRunPage } from './JobRunPage';
export type { JobRunPageProps } from './JobRunPage';
