export { ProjectDetailsCard } from './ProjectDetailsCard';
export type { ProjectDetailsCardProps } from './ProjectDetailsCard';
