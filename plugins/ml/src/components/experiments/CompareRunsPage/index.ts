export { CompareRunsPage } from './CompareRunsPage';
