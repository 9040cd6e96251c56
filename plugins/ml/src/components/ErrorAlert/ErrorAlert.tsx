import Alert from '@material-ui/lab/Alert';

/** @public */
export interface ErrorAlertProps {
  /** What went wrong; nothing is shown without it. */
  message?: string;
}

/**
 * An inline error from the last action (a save, a stop). role="alert" makes
 * screen readers announce it as it appears.
 */
export function ErrorAlert(props: ErrorAlertProps) {
  const { message } = props;
  if (!message) {
    return null;
  }
  return (
    <Alert severity="error" role="alert">
      {message}
    </Alert>
  );
}
