import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';

/** @public */
export interface NewItemButtonProps {
  /** The button's text, e.g. "New job"; also its accessible name. */
  label: string;
  onClick: () => void;
}

/**
 * The "New …" button above a list, right-aligned, so that every list of the
 * plugin offers creation in the same place and style.
 */
export function NewItemButton(props: NewItemButtonProps) {
  const { label, onClick } = props;
  return (
    <Box display="flex" justifyContent="flex-end" marginBottom={2}>
      <Button
        variant="contained"
        color="primary"
        startIcon={<AddIcon />}
        onClick={onClick}
      >
        {label}
      </Button>
    </Box>
  );
}
