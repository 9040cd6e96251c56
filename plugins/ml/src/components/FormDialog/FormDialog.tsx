import Dialog, { DialogProps } from '@material-ui/core/Dialog';
import { DialogForm, DialogFormProps } from './DialogForm';

/** How every dialog of the plugin is opened and closed. */
export interface DialogOpenProps {
  open: boolean;
  /** Closing by Cancel, Escape or a click outside. */
  onClose: () => void;
}

/** @public */
export interface FormDialogProps
  extends DialogOpenProps,
    Omit<DialogFormProps, 'onCancel'> {
  maxWidth?: DialogProps['maxWidth'];
  /** As wide as `maxWidth` allows; true unless told otherwise. */
  fullWidth?: boolean;
}

/** A dialog whose content is a form: see `DialogForm`. */
export function FormDialog(props: FormDialogProps) {
  const { open, onClose, maxWidth = 'sm', fullWidth = true, ...form } = props;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth={fullWidth}
      maxWidth={maxWidth}
      aria-labelledby={form.titleId}
    >
      <DialogForm {...form} onCancel={onClose} />
    </Dialog>
  );
}
