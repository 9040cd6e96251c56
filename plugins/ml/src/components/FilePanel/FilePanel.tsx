import { ReactNode, useEffect, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import SaveIcon from '@material-ui/icons/Save';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { describeError } from '../../lib/errors';
import { FileTreeNode } from '../../lib/files';
import { ErrorAlert } from '../ErrorAlert';
import { FileEditor } from '../FileEditor';

// Bigger files make the editor sluggish and are rarely hand-edited.
const MAX_EDITABLE_BYTES = 2 * 1024 * 1024;

/** @public */
export interface FilePanelProps {
  projectId: string;
  file: FileTreeNode;
  /** Shows the content without a way to change it (no contributor role). */
  readOnly?: boolean;
  /** Tells the parent whether leaving this file would lose edits. */
  onDirtyChange: (dirty: boolean) => void;
  /** More buttons beside Save, given the text as edited and its selection. */
  actions?: (editor: { text: string; selection: string }) => ReactNode;
}

/** One open file: its content in the editor and a way to save it. */
export function FilePanel(props: FilePanelProps) {
  const { projectId, file, readOnly, onDirtyChange, actions } = props;
  const api = useApi(mlApiRef);
  const tooLarge = file.size > MAX_EDITABLE_BYTES;
  const { value, loading, error } = useAsync(
    async () => (tooLarge ? undefined : api.readFile(projectId, file.path)),
    [api, projectId, file.path, tooLarge],
  );
  const [draft, setDraft] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ error?: string; ok?: string }>({});
  const [selection, setSelection] = useState('');

  useEffect(() => {
    setDraft(undefined);
    setSaved(undefined);
    setStatus({});
    setSelection('');
  }, [file.path]);

  const original = saved ?? value ?? '';
  const text = draft ?? original;
  const dirty = draft !== undefined && draft !== original;

  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);

  const save = async () => {
    setBusy(true);
    setStatus({});
    try {
      await api.writeFile(projectId, file.path, text);
      setSaved(text);
      setDraft(undefined);
      setStatus({ ok: `Saved ${file.path}` });
    } catch (e) {
      setStatus({ error: describeError(e) });
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (tooLarge) {
    body = (
      <Alert severity="info">
        This file is too large to edit here; download the project archive to
        work on it.
      </Alert>
    );
  } else if (value?.includes('\u0000')) {
    body = (
      <Alert severity="info">
        This looks like a binary file, which the editor cannot show.
      </Alert>
    );
  } else {
    body = (
      <FileEditor
        path={file.path}
        value={text}
        onChange={setDraft}
        readOnly={readOnly}
        onSelectionChange={setSelection}
      />
    );
  }

  return (
    <Box>
      <Box display="flex" alignItems="center" marginBottom={1}>
        <Typography variant="h6" component="h2">
          {file.path}
        </Typography>
        {dirty && (
          <Box marginLeft={1}>
            <Chip size="small" label="Unsaved changes" />
          </Box>
        )}
        <Box flexGrow={1} />
        {actions?.({ text, selection })}
        {!readOnly && (
          <Button
            color="primary"
            variant="contained"
            startIcon={<SaveIcon />}
            onClick={save}
            disabled={busy || !dirty}
          >
            Save
          </Button>
        )}
      </Box>
      <ErrorAlert message={status.error} />
      {status.ok && <Alert severity="success">{status.ok}</Alert>}
      {body}
    </Box>
  );
}
