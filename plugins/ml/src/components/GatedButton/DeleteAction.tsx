import { ReactNode, useState } from 'react';
import { holdsRole } from '../../hooks/useProjectAccess';
import { ConfirmDialog } from '../ConfirmDialog';
import { DeleteButton } from './ActionButtons';
import { GatedButtonProps } from './GatedButton';

/** @public */
export interface DeleteActionProps
  extends Omit<GatedButtonProps, 'onClick' | 'title'> {
  /** What the confirm dialog asks, e.g. "Delete job train?". */
  question: string;
  /** What deleting does, said in the confirm dialog. */
  consequences: ReactNode;
  /** Deletes; the dialog stays open with the error if it fails. */
  onDelete: () => Promise<void>;
}

/**
 * The "Delete" button of a page or a card and the dialog that confirms it,
 * open only while the user holds the role.
 */
export function DeleteAction(props: DeleteActionProps) {
  const { question, consequences, onDelete, ...button } = props;
  const { access, role } = button.requires;
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <DeleteButton {...button} onClick={() => setConfirming(true)} />
      <ConfirmDialog
        open={confirming && holdsRole(access, role)}
        title={question}
        onConfirm={onDelete}
        onClose={() => setConfirming(false)}
      >
        {consequences}
      </ConfirmDialog>
    </>
  );
}
