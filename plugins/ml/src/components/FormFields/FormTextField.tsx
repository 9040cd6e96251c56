import { ReactNode } from 'react';
import TextField, { TextFieldProps } from '@material-ui/core/TextField';

/** @public */
export type FormTextFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown in red under the field, instead of `help`. */
  problem?: string;
  help?: ReactNode;
} & Pick<
  TextFieldProps,
  | 'autoFocus'
  | 'disabled'
  | 'error'
  | 'FormHelperTextProps'
  | 'inputProps'
  | 'margin'
  | 'minRows'
  | 'multiline'
  | 'onBlur'
  | 'placeholder'
>;

/** A full-width text field of a form, with its problem or help under it. */
export function FormTextField(props: FormTextFieldProps) {
  const { onChange, problem, help, margin = 'normal', ...rest } = props;
  return (
    <TextField
      error={Boolean(problem)}
      {...rest}
      onChange={e => onChange(e.target.value)}
      helperText={problem ?? help}
      fullWidth
      margin={margin}
    />
  );
}
