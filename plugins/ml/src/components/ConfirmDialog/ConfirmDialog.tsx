import { ReactNode, useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { describeError } from '../../lib/errors';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel?: string;
  /** Runs the action; the dialog stays open and shows the error if it fails. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/**
 * Asks before a destructive action and keeps the failure in view, because a
 * refused delete (a workspace with projects, say) must say why.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel = 'Delete', onConfirm } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const close = () => {
    setError(undefined);
    props.onClose();
  };

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      props.onClose();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby="ml-confirm-title">
      <DialogTitle id="ml-confirm-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">{children}</DialogContentText>
        <ErrorAlert message={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          Cancel
        </Button>
        <Button
          onClick={confirm}
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
