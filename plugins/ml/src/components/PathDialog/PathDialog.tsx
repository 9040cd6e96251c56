import { useEffect, useState } from 'react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { describeError } from '../../lib/errors';
import { normalizePath } from '../../lib/files';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface PathDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  initialPath: string;
  onSubmit: (path: string) => Promise<void>;
  onClose: () => void;
}

/** Why a path typed by someone cannot be used, if it cannot. */
export function explainInvalidPath(path: string): string | undefined {
  if (!normalizePath(path)) {
    return 'Path must not be empty';
  }
  if (path.split('/').includes('..')) {
    return 'Path must stay inside the project (no "..")';
  }
  return undefined;
}

/** Asks for a path relative to the project root: new file, folder, rename. */
export function PathDialog(props: PathDialogProps) {
  const { open, title, submitLabel, initialPath, onSubmit, onClose } = props;
  const [path, setPath] = useState(initialPath);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setPath(initialPath);
      setError(undefined);
    }
  }, [open, initialPath]);

  const problem = explainInvalidPath(path);

  const submit = async () => {
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(normalizePath(path));
      onClose();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <ErrorAlert message={error} />
          <TextField
            id="ml-path"
            label="Path"
            value={path}
            onChange={e => setPath(e.target.value)}
            helperText="Relative to the project root, with / between folders"
            fullWidth
            margin="normal"
          />
        </DialogContent>
        <DialogSubmitActions
          submitLabel={submitLabel}
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
