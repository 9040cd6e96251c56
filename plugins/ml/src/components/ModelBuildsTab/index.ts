export { ModelBuildsTab } from './ModelBuildsTab';
export type { ModelBuildsTabProps } from './ModelBuildsTab';
