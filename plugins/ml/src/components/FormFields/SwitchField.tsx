import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface SwitchFieldProps {
  label: ReactNode;
  value: boolean;
  onChange: (value: boolean) => void;
  /** What the server said about the choice, shown under it. */
  problem?: string;
  disabled?: boolean;
}

/** A yes/no choice of a form, on a line of its own. */
export function SwitchField(props: SwitchFieldProps) {
  const { label, value, onChange, problem, disabled } = props;
  return (
    <Box>
      <FormControlLabel
        control={
          <Switch
            checked={value}
            onChange={(_, checked) => onChange(checked)}
            disabled={disabled}
            color="primary"
          />
        }
        label={label}
      />
      <ErrorAlert message={problem} />
    </Box>
  );
}
