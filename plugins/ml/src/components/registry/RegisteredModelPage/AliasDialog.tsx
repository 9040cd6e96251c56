import { MlflowModelVersion } from '../../../api';
import { useDialogForm } from '../../../hooks/useDialogForm';
import { wholeError } from '../../../lib/errors';
import { DialogOpenProps, FormDialog } from '../../FormDialog';
import { FormTextField } from '../../FormFields';

export interface AliasDialogProps extends DialogOpenProps {
  /** The version the alias is to point at; the dialog is closed without. */
  version?: MlflowModelVersion;
  /** Sets the alias (moving it from another version, as MLflow does). */
  onSave: (alias: string) => Promise<void>;
}

// MLflow's rule: letters, digits, `_` and `-`, and not `latest` or `vN`.
const ALIAS = /^[A-Za-z0-9_-]+$/;
const RESERVED = /^(latest|v\d+)$/i;

function aliasProblem(alias: string): string | false {
  if (!alias) return 'An alias needs a name';
  if (!ALIAS.test(alias)) return 'Letters, digits, _ and - only';
  if (RESERVED.test(alias)) return `"${alias}" is reserved by MLflow`;
  return false;
}

/** Names an alias for a version, e.g. `champion`. */
export function AliasDialog(props: AliasDialogProps) {
  const { version, onClose, onSave } = props;
  const open = props.open && Boolean(version);
  const form = useDialogForm({
    open,
    initialValues: () => ({ alias: '' }),
    validate: values => ({ alias: aliasProblem(values.alias.trim()) }),
    onSubmit: values => onSave(values.alias.trim()),
    onSuccess: onClose,
    describeFailure: wholeError,
  });
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      maxWidth="xs"
      titleId="ml-alias-form-title"
      title={version ? `Alias for v${version.version}` : 'Alias'}
      submitLabel="Set alias"
      form={form}
    >
      <FormTextField
        id="ml-alias-name"
        label="Alias"
        {...form.fieldProps('alias')}
        help="Moves from any other version that has it; clients load models:/<model>@<alias>"
      />
    </FormDialog>
  );
}
