import { ReactNode } from 'react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';

/** @public */
export interface FileFieldProps {
  id: string;
  label: string;
  /** The path as typed or picked. */
  value: string;
  onChange: (value: string) => void;
  /** The project's files to pick from; any other path may be typed. */
  files: string[];
  /** Shown in red under the field, instead of `help`. */
  problem?: string;
  help?: ReactNode;
}

/** A path of the project's files, picked from a list or typed. */
export function FileField(props: FileFieldProps) {
  const { id, label, value, onChange, files, problem, help } = props;
  return (
    <Autocomplete
      id={id}
      freeSolo
      openOnFocus
      options={files}
      // Both controlled: with only the input controlled, the Autocomplete
      // resets it to its (empty) value on mount.
      value={value}
      onChange={(_, picked) => onChange(picked ?? '')}
      inputValue={value}
      onInputChange={(_, typed) => onChange(typed)}
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          error={Boolean(problem)}
          helperText={problem ?? help}
          margin="normal"
        />
      )}
    />
  );
}
