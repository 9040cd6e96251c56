import Grid, { GridSize } from '@material-ui/core/Grid';
import { CreateRuntimeRequest, Runtime } from '@ml-platform/plugin-ml-common';
import { useDialogForm } from '../../hooks/useDialogForm';
import { wholeError } from '../../lib/errors';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import { FormTextField } from '../FormFields';

/** @public */
export interface RuntimeDialogProps extends DialogOpenProps {
  /** The runtime to edit; a new one is created when absent. */
  runtime?: Runtime;
  onSubmit: (request: CreateRuntimeRequest) => Promise<void>;
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

// What identifies a runtime cannot change once it exists. One grid row of
// fields, each with its width (of 12) and an example.
const IDENTITY_CELLS: [Field, GridSize, string?][] = [
  ['editor', 6],
  ['kernel', 6, 'e.g. Python 3.11'],
  ['edition', 4],
  ['shortVersion', 4, 'e.g. 2026.01'],
  ['maintenanceVersion', 4],
];
const IDENTITY = IDENTITY_CELLS.map(([name]) => name);

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

function checkValues(values: Record<Field, string>) {
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
  return problems;
}

/** Registers a runtime, or edits how an existing one is started. */
export function RuntimeDialog(props: RuntimeDialogProps) {
  const { open, runtime, onClose } = props;
  const form = useDialogForm({
    open,
    initialValues: () => emptyValues(runtime),
    validate: checkValues,
    onSubmit: values =>
      props.onSubmit({
        editor: values.editor.trim(),
        kernel: values.kernel.trim(),
        edition: values.edition.trim(),
        shortVersion: values.shortVersion.trim(),
        maintenanceVersion: Number(values.maintenanceVersion),
        description: values.description,
        image: values.image.trim() || undefined,
        command: values.command.trim() || undefined,
      }),
    onSuccess: onClose,
    describeFailure: wholeError,
  });

  const field = (name: Field, helperText?: string) => (
    <FormTextField
      id={`ml-runtime-${name}`}
      label={LABELS[name]}
      {...form.fieldProps(name)}
      disabled={Boolean(runtime) && IDENTITY.includes(name)}
      help={helperText}
      margin="dense"
    />
  );

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={runtime ? 'Edit runtime' : 'New runtime'}
      submitLabel={runtime ? 'Save' : 'Create'}
      form={form}
    >
      <Grid container spacing={2}>
        {IDENTITY_CELLS.map(([name, xs, helperText]) => (
          <Grid item xs={xs} key={name}>
            {field(name, helperText)}
          </Grid>
        ))}
      </Grid>
      {field('description')}
      {field('image', 'Container image, for the Kubernetes driver')}
      {field('command', 'Interpreter, for the local driver, e.g. python3')}
    </FormDialog>
  );
}
