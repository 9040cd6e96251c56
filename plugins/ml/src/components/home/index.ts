export { YourMlCard } from './YourMlCard';
export { WorkspaceCapacityCard } from './WorkspaceCapacityCard';
export { StartFromTemplateCard } from './StartFromTemplateCard';
export { RecentActivityCard } from './RecentActivityCard';
