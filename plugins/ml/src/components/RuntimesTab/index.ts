export { RuntimesTab } from './RuntimesTab';
