import { useEffect, useState } from 'react';
import { CodeSnippet } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { CreatedModelAccessKey } from '@ml-platform/plugin-ml-common';
import { fieldErrors } from '../../lib/errors';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { ErrorAlert } from '../ErrorAlert';

export interface NewAccessKeyDialogProps {
  open: boolean;
  onCreate: (name: string) => Promise<CreatedModelAccessKey>;
  onClose: () => void;
}

/**
 * Names a new key, then shows the whole key once, with a copy button: the
 * platform keeps only its hash.
 */
export function NewAccessKeyDialog(props: NewAccessKeyDialogProps) {
  const { open, onCreate, onClose } = props;
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedModelAccessKey>();
  const [busy, setBusy] = useState(false);
  const [nameError, setNameError] = useState<string>();
  const [general, setGeneral] = useState<string>();

  useEffect(() => {
    if (open) {
      setName('');
      setCreated(undefined);
      setNameError(undefined);
      setGeneral(undefined);
    }
  }, [open]);

  const submit = async () => {
    if (!name.trim()) {
      setNameError('Say what the key is for');
      return;
    }
    setBusy(true);
    setNameError(undefined);
    setGeneral(undefined);
    try {
      setCreated(await onCreate(name.trim()));
    } catch (e) {
      const parsed = fieldErrors(e);
      setNameError(parsed.fields.name);
      setGeneral(parsed.general);
    } finally {
      setBusy(false);
    }
  };

  return (
    // Closing by clicking outside would lose a key that is shown only once.
    <Dialog
      open={open}
      onClose={created ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="ml-key-title"
    >
      {created ? (
        <>
          <DialogTitle id="ml-key-title">{`Access key ${created.name}`}</DialogTitle>
          <DialogContent>
            <Alert severity="warning">
              Copy the key now. It is not shown again; if it is lost, revoke it
              and create another.
            </Alert>
            <CodeSnippet
              text={created.key}
              language="text"
              showCopyCodeButton
            />
          </DialogContent>
          <DialogActions>
            <Button color="primary" variant="contained" onClick={onClose}>
              Done
            </Button>
          </DialogActions>
        </>
      ) : (
        <form
          noValidate
          onSubmit={e => {
            e.preventDefault();
            submit();
          }}
        >
          <DialogTitle id="ml-key-title">New access key</DialogTitle>
          <DialogContent>
            <ErrorAlert message={general} />
            <TextField
              id="ml-key-name"
              label="Name"
              value={name}
              onChange={e => setName(e.target.value)}
              error={Boolean(nameError)}
              helperText={
                nameError ?? 'Who or what uses it, e.g. "crm-service"'
              }
              autoFocus
              fullWidth
              margin="normal"
            />
          </DialogContent>
          <DialogSubmitActions
            submitLabel="Create"
            busy={busy}
            onCancel={onClose}
          />
        </form>
      )}
    </Dialog>
  );
}
