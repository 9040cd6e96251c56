export { RegisteredModelPage } from './RegisteredModelPage';
