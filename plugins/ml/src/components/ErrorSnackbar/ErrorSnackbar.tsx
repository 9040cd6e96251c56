import Snackbar from '@material-ui/core/Snackbar';
import Alert from '@material-ui/lab/Alert';

/** @public */
export interface ErrorSnackbarProps {
  message?: string;
  onClose: () => void;
}

/**
 * Reports failures of actions that have no dialog of their own, such as
 * toggling a runtime. Kept local rather than on the app's alert API so the
 * same component works in the legacy and the new frontend system.
 */
export function ErrorSnackbar(props: ErrorSnackbarProps) {
  const { message, onClose } = props;
  return (
    <Snackbar
      open={Boolean(message)}
      onClose={onClose}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert severity="error" role="alert" onClose={onClose}>
        {message}
      </Alert>
    </Snackbar>
  );
}
