import { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { useDialogForm } from '../../hooks/useDialogForm';
import { wholeError } from '../../lib/errors';
import { ErrorAlert } from '../ErrorAlert';
import { DialogOpenProps } from '../FormDialog';

/** @public */
export interface ConfirmDialogProps extends DialogOpenProps {
  title: string;
  children: ReactNode;
  confirmLabel?: string;
  /** Runs the action; the dialog stays open and shows the error if it fails. */
  onConfirm: () => Promise<void>;
}

/**
 * Asks before a destructive action and keeps the failure in view, because a
 * refused delete (a workspace with projects, say) must say why.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel = 'Delete', onConfirm } = props;
  // A form without fields: the busy flag and the error of the action.
  const { busy, generalError, submit } = useDialogForm({
    open,
    initialValues: () => ({}),
    onSubmit: onConfirm,
    onSuccess: props.onClose,
    describeFailure: wholeError,
  });

  return (
    <Dialog
      open={open}
      onClose={props.onClose}
      aria-labelledby="ml-confirm-title"
    >
      <DialogTitle id="ml-confirm-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">{children}</DialogContentText>
        <ErrorAlert message={generalError} />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          onClick={submit}
          disabled={busy}
          color="secondary"
          variant="contained"
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
