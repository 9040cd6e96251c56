export { ResourceDialog, resourceAmounts } from './ResourceDialog';
export type {
  ResourceDialogProps,
  ResourceDialogValues,
} from './ResourceDialog';
