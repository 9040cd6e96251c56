import { useEffect, useRef, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import { EnvVarsInput } from '@ml-platform/plugin-ml-common';
import { describeError } from '../../lib/errors';
import { ErrorAlert } from '../ErrorAlert';
import { EnvVarRow } from './EnvVarRow';
import { EnvRow, problemOf, rowsFrom, toEnvInput } from './envRows';

/** @public */
export interface EnvVarsEditorProps {
  title: string;
  description?: string;
  /**
   * The variables: as the API returned them (secrets masked) or as the
   * editor reported them (with new secrets' values).
   */
  env: EnvVarsInput;
  /**
   * Whether masked secrets of `env` can be kept (true, the default: `env`
   * is that of the object being edited). False when `env` was copied from
   * another object, such as a new build from the previous one: there is no
   * stored secret to keep, so each must be typed again.
   */
  keepsSecrets?: boolean;
  /** Saves the whole set, with a Save button on the card. */
  onSave?: (env: EnvVarsInput) => Promise<void>;
  /**
   * Makes the editor part of a larger form instead (a job's env): no card
   * and no Save button, every change is reported with whether all rows are
   * valid.
   */
  onChange?: (env: EnvVarsInput, valid: boolean) => void;
}

/**
 * Key/value rows saved as a whole, like the env of a workspace or project.
 * Any variable may be secret: a stored secret is shown masked and is kept
 * on save (the server keeps its value) unless it is replaced or removed.
 */
export function EnvVarsEditor(props: EnvVarsEditorProps) {
  const {
    title,
    description,
    env,
    keepsSecrets = true,
    onSave,
    onChange,
  } = props;
  const nextId = useRef(0);
  const toRows = (vars: EnvVarsInput) =>
    rowsFrom(vars, keepsSecrets, () => nextId.current++);
  const [rows, setRows] = useState<EnvRow[]>(() => toRows(env));
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

  const edit = (next: EnvRow[]) => {
    setRows(next);
    setDirty(true);
    setSaved(false);
    onChange?.(toEnvInput(next), !next.some(r => problemOf(r, next)));
  };

  const update = (id: number, change: Partial<EnvRow>) =>
    edit(rows.map(r => (r.id === id ? { ...r, ...change } : r)));

  const invalid = rows.some(r => problemOf(r, rows));

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onSave?.(toEnvInput(rows));
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
      {rows.map((row, index) => (
        <EnvVarRow
          key={row.id}
          row={row}
          index={index}
          problem={problemOf(row, rows)}
          onChange={change => update(row.id, change)}
          onRemove={() => edit(rows.filter(r => r.id !== row.id))}
        />
      ))}
      <Box display="flex" marginTop={2}>
        <Button
          startIcon={<AddIcon />}
          onClick={() => {
            setRows([
              ...rows,
              {
                id: nextId.current++,
                name: '',
                value: '',
                secret: false,
                kept: false,
                copied: false,
              },
            ]);
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
