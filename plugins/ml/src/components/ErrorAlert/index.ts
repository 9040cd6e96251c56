export { ErrorAlert } from './ErrorAlert';
export type { ErrorAlertProps } from './ErrorAlert';
