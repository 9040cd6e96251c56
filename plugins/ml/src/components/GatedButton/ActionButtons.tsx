import DeleteIcon from '@material-ui/icons/Delete';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import { GatedButton, GatedButtonProps } from './GatedButton';

/**
 * The "Delete" action of a page or a card: its icon, and its label unless
 * the children name what goes.
 */
export function DeleteButton(props: GatedButtonProps) {
  const { children = 'Delete', ...button } = props;
  return (
    <GatedButton startIcon={<DeleteIcon />} {...button}>
      {children}
    </GatedButton>
  );
}

/** How the main action of a page or a list looks: "Run", "New …". */
export const primaryAction = {
  variant: 'contained',
  color: 'primary',
} as const;

/** The primary "Run" action: runs a job now, or code in a session. */
export function RunButton(props: GatedButtonProps) {
  return (
    <GatedButton {...primaryAction} startIcon={<PlayArrowIcon />} {...props} />
  );
}
