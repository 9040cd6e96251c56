import { useDialogForm } from '../../hooks/useDialogForm';
import { wholeError } from '../../lib/errors';
import { normalizePath } from '../../lib/files';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import { FormTextField } from '../FormFields';

/** @public */
export interface PathDialogProps extends DialogOpenProps {
  title: string;
  submitLabel: string;
  initialPath: string;
  onSubmit: (path: string) => Promise<void>;
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
  const form = useDialogForm({
    open,
    initialValues: () => ({ path: initialPath }),
    validate: values => ({ path: explainInvalidPath(values.path) }),
    onSubmit: values => onSubmit(normalizePath(values.path)),
    onSuccess: onClose,
    describeFailure: wholeError,
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={title}
      // Above the field, like the server's refusals of a path.
      otherError={form.errorOf('path')}
      submitLabel={submitLabel}
      form={form}
    >
      <FormTextField
        id="ml-path"
        label="Path"
        value={form.values.path}
        onChange={path => form.setValues({ path })}
        help="Relative to the project root, with / between folders"
      />
    </FormDialog>
  );
}
