export { ErrorSnackbar } from './ErrorSnackbar';
export type { ErrorSnackbarProps } from './ErrorSnackbar';
