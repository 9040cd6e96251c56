export { NewButton, NewItemButton } from './NewItemButton';
export type { NewItemButtonProps } from './NewItemButton';
