export { WorkspaceOverviewCard } from './WorkspaceOverviewCard';
export { ProjectOverviewCard } from './ProjectOverviewCard';
export { ModelOverviewCard } from './ModelOverviewCard';
export {
  ModelLineageCard,
  LINEAGE_KINDS,
  LINEAGE_RELATIONS,
} from './ModelLineageCard';
export {
  isMlModelAvailable,
  isMlProjectAvailable,
  isMlWorkspaceAvailable,
  mlEntityIds,
} from './entityIds';
