export { JobTriggerFields } from './JobTriggerFields';
export type {
  JobTriggerFieldsProps,
  JobTriggerKind,
  JobTriggerValue,
} from './JobTriggerFields';
