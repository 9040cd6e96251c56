import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import IconButton from '@material-ui/core/IconButton';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import DeleteIcon from '@material-ui/icons/Delete';
import { EnvRow } from './envRows';

/** How a stored secret is shown: its value is never sent to the browser. */
export const MASKED_VALUE = '••••••••';

/** @public */
export interface EnvVarRowProps {
  row: EnvRow;
  /** 0-based place, for the fields' labels. */
  index: number;
  problem?: string;
  onChange: (change: Partial<EnvRow>) => void;
  onRemove: () => void;
}

/**
 * One variable: name, value and whether it is secret. A stored secret shows
 * masked and cannot be edited, only replaced by a new value; a new secret's
 * value is typed like a password.
 */
export function EnvVarRow(props: EnvVarRowProps) {
  const { row, index, problem, onChange, onRemove } = props;
  const label = row.name || String(index + 1);
  const value = row.kept ? (
    <TextField
      id={`ml-env-value-${row.id}`}
      label={`Value ${index + 1}`}
      value={MASKED_VALUE}
      disabled
      fullWidth
      margin="dense"
      helperText="Secret: stored, never shown"
    />
  ) : (
    <TextField
      id={`ml-env-value-${row.id}`}
      label={`Value ${index + 1}`}
      type={row.secret ? 'password' : 'text'}
      autoComplete={row.secret ? 'new-password' : undefined}
      value={row.value}
      onChange={e => onChange({ value: e.target.value })}
      fullWidth
      margin="dense"
    />
  );
  return (
    <Box display="flex" alignItems="flex-start">
      <Box flex={1} marginRight={1}>
        <TextField
          id={`ml-env-name-${row.id}`}
          label={`Name ${index + 1}`}
          value={row.name}
          onChange={e => onChange({ name: e.target.value })}
          // A stored secret belongs to its name; a new name needs a new value.
          disabled={row.kept}
          error={Boolean(problem)}
          helperText={problem}
          fullWidth
          margin="dense"
        />
      </Box>
      <Box flex={2} marginRight={1}>
        {value}
      </Box>
      <Box marginTop={1.5} display="flex" alignItems="center">
        {row.kept && (
          <Button
            size="small"
            aria-label={`Replace secret ${label}`}
            onClick={() => onChange({ kept: false, value: '' })}
          >
            Replace
          </Button>
        )}
        <FormControlLabel
          label="Secret"
          control={
            <Switch
              size="small"
              checked={row.secret}
              inputProps={{ 'aria-label': `Secret ${label}` }}
              // Made plain, a stored secret starts empty: its value is not known here.
              onChange={e =>
                onChange(
                  e.target.checked
                    ? { secret: true }
                    : {
                        secret: false,
                        kept: false,
                        value: row.kept ? '' : row.value,
                      },
                )
              }
            />
          }
        />
        <IconButton aria-label={`Remove variable ${label}`} onClick={onRemove}>
          <DeleteIcon />
        </IconButton>
      </Box>
    </Box>
  );
}
