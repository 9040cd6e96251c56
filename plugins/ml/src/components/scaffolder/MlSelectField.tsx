import TextField from '@material-ui/core/TextField';
import { describeError } from '../../lib/errors';

/** One choice of a picker. */
export interface MlSelectOption {
  value: string;
  label: string;
}

/**
 * The select every ML picker renders: loading and error states, the
 * field's title and description from the template, and a hint when there
 * is nothing to choose (e.g. no workspace picked yet).
 */
export function MlSelectField(props: {
  id: string;
  label: string;
  description?: string;
  required?: boolean;
  disabled?: boolean;
  value?: string;
  options: MlSelectOption[];
  loading: boolean;
  error?: unknown;
  emptyText: string;
  rawErrors?: string[];
  onChange: (value: string | undefined) => void;
}) {
  const { options, loading, error } = props;
  const known = options.some(o => o.value === props.value);
  let helperText = props.description;
  if (error) helperText = `Could not load the choices: ${describeError(error)}`;
  else if (!loading && options.length === 0) helperText = props.emptyText;
  else if (props.rawErrors?.length) helperText = props.rawErrors.join(', ');
  return (
    <TextField
      id={props.id}
      select
      fullWidth
      margin="normal"
      variant="outlined"
      label={props.label}
      required={props.required}
      disabled={props.disabled || loading || options.length === 0}
      value={known ? props.value : ''}
      error={Boolean(error) || Boolean(props.rawErrors?.length)}
      helperText={loading ? 'Loading…' : helperText}
      onChange={event => props.onChange(event.target.value || undefined)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="" disabled>
        {loading ? 'Loading…' : `Choose…`}
      </option>
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}
