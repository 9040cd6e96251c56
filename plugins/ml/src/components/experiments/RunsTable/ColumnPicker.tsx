import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { ValueColumn, valueColumnId } from '../runs';

export interface ColumnPickerProps {
  /** Every param and metric key the runs have. */
  options: ValueColumn[];
  value: ValueColumn[];
  onChange: (columns: ValueColumn[]) => void;
}

/** Which params and metrics the runs table shows, as columns. */
export function ColumnPicker(props: ColumnPickerProps) {
  const { options, value, onChange } = props;
  return (
    <Autocomplete<ValueColumn, true>
      multiple
      disableCloseOnSelect
      size="small"
      options={options}
      value={value}
      onChange={(_event, columns) => onChange(columns)}
      groupBy={column => (column.kind === 'params' ? 'Params' : 'Metrics')}
      getOptionLabel={column => column.key}
      getOptionSelected={(option, chosen) =>
        valueColumnId(option) === valueColumnId(chosen)
      }
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label="Columns"
          placeholder="Params and metrics"
        />
      )}
    />
  );
}
