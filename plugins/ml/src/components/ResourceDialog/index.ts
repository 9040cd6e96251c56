export { ResourceDialog } from './ResourceDialog';
export type {
  ResourceDialogProps,
  ResourceDialogValues,
} from './ResourceDialog';
