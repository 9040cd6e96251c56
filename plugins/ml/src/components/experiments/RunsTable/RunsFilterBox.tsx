import { useEffect, useState } from 'react';
import TextField from '@material-ui/core/TextField';

export interface RunsFilterBoxProps {
  /** The filter the runs are searched with now. */
  filter: string;
  onFilterChange: (filter: string) => void;
  /** What the server said is wrong with the filter. */
  problem?: string;
}

/**
 * MLflow's search grammar, applied on Enter: the server parses it, and a
 * filter it refuses is explained under the box.
 */
export function RunsFilterBox(props: RunsFilterBoxProps) {
  const { filter, onFilterChange, problem } = props;
  const [text, setText] = useState(filter);
  useEffect(() => setText(filter), [filter]);
  return (
    <form
      noValidate
      onSubmit={event => {
        event.preventDefault();
        onFilterChange(text.trim());
      }}
    >
      <TextField
        id="ml-runs-filter"
        label="Filter runs"
        variant="outlined"
        size="small"
        fullWidth
        value={text}
        onChange={event => setText(event.target.value)}
        onBlur={() => onFilterChange(text.trim())}
        placeholder="metrics.rmse < 1 and params.model = 'tree'"
        error={Boolean(problem)}
        helperText={
          problem ??
          'MLflow search syntax: metrics.*, params.*, tags.*, attributes.*; Enter applies'
        }
      />
    </form>
  );
}
