import { useEffect, useState } from 'react';
import { CodeSnippet } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { CreatedModelAccessKey } from '@ml-platform/plugin-ml-common';
import { useDialogForm } from '../../hooks/useDialogForm';
import { DialogForm, DialogOpenProps } from '../FormDialog';
import { FormTextField } from '../FormFields';

export interface NewAccessKeyDialogProps extends DialogOpenProps {
  onCreate: (name: string) => Promise<CreatedModelAccessKey>;
}

/**
 * Names a new key, then shows the whole key once, with a copy button: the
 * platform keeps only its hash.
 */
export function NewAccessKeyDialog(props: NewAccessKeyDialogProps) {
  const { open, onCreate, onClose } = props;
  const [created, setCreated] = useState<CreatedModelAccessKey>();
  useEffect(() => {
    if (open) {
      setCreated(undefined);
    }
  }, [open]);
  const form = useDialogForm({
    open,
    initialValues: () => ({ name: '' }),
    validate: values => ({
      name: !values.name.trim() && 'Say what the key is for',
    }),
    onSubmit: values => onCreate(values.name.trim()),
    onSuccess: setCreated,
  });

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
        <DialogForm
          titleId="ml-key-title"
          title="New access key"
          submitLabel="Create"
          form={form}
          onCancel={onClose}
        >
          <FormTextField
            id="ml-key-name"
            label="Name"
            {...form.fieldProps('name')}
            help='Who or what uses it, e.g. "crm-service"'
            // The dialog asks for this one field, so typing can start at once.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
          />
        </DialogForm>
      )}
    </Dialog>
  );
}
