export { ExperimentRunPage } from './ExperimentRunPage';
