export { GatedButton } from './GatedButton';
export type { ActionRequirement, GatedButtonProps } from './GatedButton';
export { DeleteButton, RunButton, primaryAction } from './ActionButtons';
export { DeleteAction } from './DeleteAction';
export type { DeleteActionProps } from './DeleteAction';
