import { ReactNode } from 'react';
import TextField, { TextFieldProps } from '@material-ui/core/TextField';

/** @public */
export interface SelectOption {
  value: string;
  label: string;
}

/** @public */
export type SelectFieldProps = {
  id: string;
  label: string;
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  /** Shown in red under the field, instead of `help`. */
  problem?: string;
  help?: ReactNode;
} & Pick<TextFieldProps, 'disabled' | 'error' | 'FormHelperTextProps'>;

/**
 * A full-width native select: native so that it works with the keyboard and
 * in tests like any `<select>`.
 */
export function SelectField(props: SelectFieldProps) {
  const { options, onChange, problem, help, ...rest } = props;
  return (
    <TextField
      error={Boolean(problem)}
      {...rest}
      select
      SelectProps={{ native: true }}
      onChange={e => onChange(e.target.value)}
      helperText={problem ?? help}
      fullWidth
      margin="normal"
    >
      {options.map(o => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}
