import { useEffect, useRef, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import { ENV_NAME_PATTERN } from '@ml-platform/plugin-ml-common';
import { describeError } from '../../lib/errors';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface EnvVarsEditorProps {
  title: string;
  description?: string;
  env: Record<string, string>;
  /** Saves the whole set, with a Save button on the card. */
  onSave?: (env: Record<string, string>) => Promise<void>;
  /**
   * Makes the editor part of a larger form instead (a job's env): no card
   * and no Save button, every change is reported with whether all rows are
   * valid.
   */
  onChange?: (env: Record<string, string>, valid: boolean) => void;
}

interface Row {
  id: number;
  name: string;
  value: string;
}

function problemOf(row: Row, rows: Row[]): string | undefined {
  if (!row.name && !row.value) {
    return undefined;
  }
  if (!ENV_NAME_PATTERN.test(row.name)) {
    return 'Letters, digits and "_", not starting with a digit';
  }
  if (rows.some(other => other.id !== row.id && other.name === row.name)) {
    return 'Defined twice';
  }
  return undefined;
}

function toVars(rows: Row[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const row of rows) {
    if (row.name) {
      vars[row.name] = row.value;
    }
  }
  return vars;
}

/** Key/value rows saved as a whole, like the env of a workspace or project. */
export function EnvVarsEditor(props: EnvVarsEditorProps) {
  const { title, description, env, onSave, onChange } = props;
  const nextId = useRef(0);
  const toRows = (vars: Record<string, string>) =>
    Object.entries(vars).map(([name, value]) => ({
      id: nextId.current++,
      name,
      value,
    }));
  const [rows, setRows] = useState<Row[]>(() => toRows(env));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    // Take what the server saved, unless the user is in the middle of editing.
    if (!dirty) {
      setRows(toRows(env));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [env]);

  const edit = (next: Row[]) => {
    setRows(next);
    setDirty(true);
    setSaved(false);
    onChange?.(toVars(next), !next.some(r => problemOf(r, next)));
  };

  const update = (id: number, change: Partial<Row>) =>
    edit(rows.map(r => (r.id === id ? { ...r, ...change } : r)));

  const invalid = rows.some(r => problemOf(r, rows));

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onSave?.(toVars(rows));
      setDirty(false);
      setSaved(true);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const rowsAndAdd = (
    <>
      {rows.length === 0 && (
        <Typography color="textSecondary">No variables.</Typography>
      )}
      {rows.map((row, index) => {
        const problem = problemOf(row, rows);
        return (
          <Box key={row.id} display="flex" alignItems="flex-start">
            <Box flex={1} marginRight={1}>
              <TextField
                id={`ml-env-name-${row.id}`}
                label={`Name ${index + 1}`}
                value={row.name}
                onChange={e => update(row.id, { name: e.target.value })}
                error={Boolean(problem)}
                helperText={problem}
                fullWidth
                margin="dense"
              />
            </Box>
            <Box flex={2} marginRight={1}>
              <TextField
                id={`ml-env-value-${row.id}`}
                label={`Value ${index + 1}`}
                value={row.value}
                onChange={e => update(row.id, { value: e.target.value })}
                fullWidth
                margin="dense"
              />
            </Box>
            <Box marginTop={1.5}>
              <IconButton
                aria-label={`Remove variable ${row.name || index + 1}`}
                onClick={() => edit(rows.filter(r => r.id !== row.id))}
              >
                <DeleteIcon />
              </IconButton>
            </Box>
          </Box>
        );
      })}
      <Box display="flex" marginTop={2}>
        <Button
          startIcon={<AddIcon />}
          onClick={() => {
            setRows([...rows, { id: nextId.current++, name: '', value: '' }]);
            setSaved(false);
          }}
        >
          Add variable
        </Button>
        <Box flexGrow={1} />
        {onSave && (
          <Button
            color="primary"
            variant="contained"
            onClick={save}
            disabled={busy || !dirty || invalid}
          >
            Save
          </Button>
        )}
      </Box>
    </>
  );

  if (!onSave) {
    return (
      <Box marginTop={2}>
        <Typography variant="subtitle2">{title}</Typography>
        {description && (
          <Typography variant="body2" color="textSecondary">
            {description}
          </Typography>
        )}
        {rowsAndAdd}
      </Box>
    );
  }

  return (
    <InfoCard title={title} subheader={description}>
      <ErrorAlert message={error} />
      {saved && <Alert severity="success">Environment saved.</Alert>}
      {rowsAndAdd}
    </InfoCard>
  );
}
