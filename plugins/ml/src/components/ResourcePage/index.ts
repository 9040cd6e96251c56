export { ResourcePage } from './ResourcePage';
export type { ResourcePageProps, ResourcePageTab } from './ResourcePage';
