import { useEffect, useState } from 'react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { CreateRuntimeRequest, Runtime } from '@ml-platform/plugin-ml-common';
import { describeError } from '../../lib/errors';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface RuntimeDialogProps {
  open: boolean;
  /** The runtime to edit; a new one is created when absent. */
  runtime?: Runtime;
  onSubmit: (request: CreateRuntimeRequest) => Promise<void>;
  onClose: () => void;
}

type Field =
  | 'editor'
  | 'kernel'
  | 'edition'
  | 'shortVersion'
  | 'maintenanceVersion'
  | 'description'
  | 'image'
  | 'command';

const LABELS: Record<Field, string> = {
  editor: 'Editor',
  kernel: 'Kernel',
  edition: 'Edition',
  shortVersion: 'Short version',
  maintenanceVersion: 'Maintenance version',
  description: 'Description',
  image: 'Image',
  command: 'Command',
};

// What identifies a runtime cannot change once it exists.
const IDENTITY: Field[] = [
  'editor',
  'kernel',
  'edition',
  'shortVersion',
  'maintenanceVersion',
];

function emptyValues(runtime?: Runtime): Record<Field, string> {
  return {
    editor: runtime?.editor ?? 'Workbench',
    kernel: runtime?.kernel ?? '',
    edition: runtime?.edition ?? 'Standard',
    shortVersion: runtime?.shortVersion ?? '',
    maintenanceVersion: String(runtime?.maintenanceVersion ?? 1),
    description: runtime?.description ?? '',
    image: runtime?.image ?? '',
    command: runtime?.command ?? '',
  };
}

/** Registers a runtime, or edits how an existing one is started. */
export function RuntimeDialog(props: RuntimeDialogProps) {
  const { open, runtime, onClose } = props;
  const [values, setValues] = useState(emptyValues(runtime));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (open) {
      setValues(emptyValues(runtime));
      setTouched(false);
      setError(undefined);
    }
  }, [open, runtime]);

  const problems: Partial<Record<Field, string>> = {};
  for (const field of [
    'editor',
    'kernel',
    'edition',
    'shortVersion',
  ] as const) {
    if (!values[field].trim()) {
      problems[field] = `${LABELS[field]} is required`;
    }
  }
  if (!/^\d+$/.test(values.maintenanceVersion.trim())) {
    problems.maintenanceVersion = 'Maintenance version must be a whole number';
  }
  if (!values.image.trim() && !values.command.trim()) {
    problems.command = 'Give an image (Kubernetes) or a command (local driver)';
  }

  const submit = async () => {
    setTouched(true);
    if (Object.keys(problems).length > 0) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await props.onSubmit({
        editor: values.editor.trim(),
        kernel: values.kernel.trim(),
        edition: values.edition.trim(),
        shortVersion: values.shortVersion.trim(),
        maintenanceVersion: Number(values.maintenanceVersion),
        description: values.description,
        image: values.image.trim() || undefined,
        command: values.command.trim() || undefined,
      });
      onClose();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, helperText?: string) => {
    const problem = touched ? problems[name] : undefined;
    return (
      <TextField
        id={`ml-runtime-${name}`}
        label={LABELS[name]}
        value={values[name]}
        onChange={e => setValues({ ...values, [name]: e.target.value })}
        disabled={Boolean(runtime) && IDENTITY.includes(name)}
        error={Boolean(problem)}
        helperText={problem ?? helperText}
        fullWidth
        margin="dense"
      />
    );
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
        <DialogTitle>{runtime ? 'Edit runtime' : 'New runtime'}</DialogTitle>
        <DialogContent>
          <ErrorAlert message={error} />
          <Grid container spacing={2}>
            <Grid item xs={6}>
              {field('editor')}
            </Grid>
            <Grid item xs={6}>
              {field('kernel', 'e.g. Python 3.11')}
            </Grid>
            <Grid item xs={4}>
              {field('edition')}
            </Grid>
            <Grid item xs={4}>
              {field('shortVersion', 'e.g. 2026.01')}
            </Grid>
            <Grid item xs={4}>
              {field('maintenanceVersion')}
            </Grid>
          </Grid>
          {field('description')}
          {field('image', 'Container image, for the Kubernetes driver')}
          {field('command', 'Interpreter, for the local driver, e.g. python3')}
        </DialogContent>
        <DialogSubmitActions
          submitLabel={runtime ? 'Save' : 'Create'}
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
