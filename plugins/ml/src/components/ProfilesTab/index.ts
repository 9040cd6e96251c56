export { ProfilesTab } from './ProfilesTab';
export type { ProfilesTabProps } from './ProfilesTab';
