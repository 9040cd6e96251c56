import TextField from '@material-ui/core/TextField';
import { SelectOption } from '../FormFields';

/** A native select above the charts: what they show, e.g. their range. */
export function ChartSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: SelectOption[];
  margin?: 'dense';
}) {
  const { id, label, value, onChange, options, margin } = props;
  return (
    <TextField
      id={id}
      label={label}
      select
      SelectProps={{ native: true }}
      // A native select's label overlaps an empty value unless shrunk.
      InputLabelProps={{ shrink: true }}
      value={value}
      onChange={e => onChange(e.target.value)}
      fullWidth
      margin={margin}
    >
      {options.map(o => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}
