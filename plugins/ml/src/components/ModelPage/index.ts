export { ModelPage } from './ModelPage';
export type { ModelPageProps } from './ModelPage';
export type { ModelState } from './modelState';
