export { CollaboratorsCard } from './CollaboratorsCard';
export type { CollaboratorsCardProps } from './CollaboratorsCard';
