import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';

/** @public */
export interface DialogSubmitActionsProps {
  /** The submit button's text, e.g. "Create" or "Save". */
  submitLabel: string;
  /** While saving, both buttons are disabled so a dialog cannot close mid-save. */
  busy: boolean;
  onCancel: () => void;
  /** More reasons to disable submit, e.g. a required choice not made yet. */
  submitDisabled?: boolean;
}

/**
 * Cancel and submit for a dialog whose content is a `<form>`: submit is a
 * `type="submit"` button so that Enter in a field submits too.
 */
export function DialogSubmitActions(props: DialogSubmitActionsProps) {
  const { submitLabel, busy, onCancel, submitDisabled = false } = props;
  return (
    <DialogActions>
      <Button onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
      <Button
        type="submit"
        color="primary"
        variant="contained"
        disabled={busy || submitDisabled}
      >
        {submitLabel}
      </Button>
    </DialogActions>
  );
}
