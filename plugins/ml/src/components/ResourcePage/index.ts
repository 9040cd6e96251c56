export { ResourcePage, resourceTab } from './ResourcePage';
export type { ResourcePageProps, ResourcePageTab } from './ResourcePage';
