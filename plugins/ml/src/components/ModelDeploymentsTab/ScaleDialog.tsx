import { useEffect, useState } from 'react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { ModelDeployment } from '@ml-platform/plugin-ml-common';
import { describeError } from '../../lib/errors';
import { parseReplicas } from '../DeployDialog';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { ErrorAlert } from '../ErrorAlert';

export interface ScaleDialogProps {
  /** The deployment to scale; closed without one. */
  deployment?: ModelDeployment;
  onClose: () => void;
  onScale: (replicas: number) => Promise<void>;
}

/** Changes how many replicas a deployment runs. */
export function ScaleDialog(props: ScaleDialogProps) {
  const { deployment, onClose, onScale } = props;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (deployment) {
      setText(String(deployment.replicas));
      setError(undefined);
    }
  }, [deployment]);

  const replicas = parseReplicas(text);
  const submit = async () => {
    if (replicas === undefined) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onScale(replicas);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={Boolean(deployment)}
      onClose={onClose}
      aria-labelledby="ml-scale-title"
    >
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle id="ml-scale-title">
          {`Replicas of build #${deployment?.buildNumber ?? ''}`}
        </DialogTitle>
        <DialogContent>
          <ErrorAlert message={error} />
          <TextField
            id="ml-scale-replicas"
            label="Replicas"
            value={text}
            onChange={e => setText(e.target.value)}
            error={replicas === undefined}
            helperText={
              replicas === undefined
                ? 'A whole number from 1 to 20'
                : 'Each serves one request at a time'
            }
            inputProps={{ inputMode: 'numeric' }}
            autoFocus
            fullWidth
            margin="normal"
          />
        </DialogContent>
        <DialogSubmitActions
          submitLabel="Save"
          busy={busy}
          submitDisabled={replicas === undefined}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
