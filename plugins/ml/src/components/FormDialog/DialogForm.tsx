import { ReactNode } from 'react';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface DialogFormProps {
  title: ReactNode;
  /** The title's id, which names the dialog for assistive technology. */
  titleId?: string;
  /** What the last submit said that names no field, above the fields. */
  error?: string;
  submitLabel: string;
  busy: boolean;
  submitDisabled?: boolean;
  /** Usually `handleSubmit` of `useDialogForm`. */
  onSubmit: (event: { preventDefault: () => void }) => void;
  onCancel: () => void;
  children?: ReactNode;
}

/**
 * A dialog's title, fields and Cancel/submit buttons in a `<form>`, so that
 * Enter in a field submits. For a dialog that shows more than the form.
 */
export function DialogForm(props: DialogFormProps) {
  const { title, titleId, error, children, onSubmit } = props;
  return (
    <form noValidate onSubmit={onSubmit}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <ErrorAlert message={error} />
        {children}
      </DialogContent>
      <DialogSubmitActions
        submitLabel={props.submitLabel}
        busy={props.busy}
        submitDisabled={props.submitDisabled}
        onCancel={props.onCancel}
      />
    </form>
  );
}
