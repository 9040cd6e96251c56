import { ReactNode } from 'react';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { DialogFormState } from '../../hooks/useDialogForm';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface DialogFormProps {
  title: ReactNode;
  /** The title's id, which names the dialog for assistive technology. */
  titleId?: string;
  /** The state of the form, from `useDialogForm`. */
  form: Pick<
    DialogFormState<unknown>,
    'busy' | 'generalError' | 'handleSubmit'
  >;
  /**
   * Shown above the fields while the last submit said nothing: e.g. that the
   * choices did not load.
   */
  otherError?: string;
  submitLabel: string;
  submitDisabled?: boolean;
  onCancel: () => void;
  children?: ReactNode;
}

/**
 * A dialog's title, fields and Cancel/submit buttons in a `<form>`, so that
 * Enter in a field submits. For a dialog that shows more than the form.
 */
export function DialogForm(props: DialogFormProps) {
  const { title, titleId, form, children } = props;
  return (
    <form noValidate onSubmit={form.handleSubmit}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <ErrorAlert message={form.generalError ?? props.otherError} />
        {children}
      </DialogContent>
      <DialogSubmitActions
        submitLabel={props.submitLabel}
        busy={form.busy}
        submitDisabled={props.submitDisabled}
        onCancel={props.onCancel}
      />
    </form>
  );
}
