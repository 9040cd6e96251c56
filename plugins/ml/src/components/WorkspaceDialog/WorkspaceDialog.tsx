import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  OWNER_REF_PATTERN,
  Workspace,
  explainInvalidName,
  parseCpuMillis,
  parseMemoryMiB,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { fieldErrors } from '../../lib/errors';
import {
  NodeGroupDraft,
  NodeGroupsEditor,
  draftsOf,
  emptyDraft,
  groupsOf,
} from '../NodeGroupsEditor';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface WorkspaceDialogProps {
  open: boolean;
  /** The workspace to edit; a new one when absent. */
  workspace?: Workspace;
  onClose: () => void;
  onSaved: (workspace: Workspace) => void;
}

/**
 * Creates a workspace (name, details, node groups, default user quota) or
 * edits one's details and node groups. The default quota of an existing
 * workspace is edited on its Quotas tab.
 */
export function WorkspaceDialog(props: WorkspaceDialogProps) {
  const { open, workspace, onClose, onSaved } = props;
  const api = useApi(mlApiRef);
  const editing = Boolean(workspace);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [drafts, setDrafts] = useState<NodeGroupDraft[]>([]);
  const [quota, setQuota] = useState({ cpu: '2', memory: '8Gi', gpu: '0' });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  useEffect(() => {
    if (open) {
      setName(workspace?.name ?? '');
      setTitle(workspace?.title ?? '');
      setDescription(workspace?.description ?? '');
      setOwner(workspace?.owner ?? '');
      setDrafts(workspace ? draftsOf(workspace.nodeGroups) : [emptyDraft()]);
      setQuota({ cpu: '2', memory: '8Gi', gpu: '0' });
      setTouched(false);
      setServerErrors({});
      setGeneral(undefined);
    }
    // Only when opened, not when the parent re-renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const quotaCpu = parseCpuMillis(quota.cpu);
  const quotaMemory = parseMemoryMiB(quota.memory);
  const quotaGpu = /^\d+$/.test(quota.gpu.trim())
    ? Number(quota.gpu)
    : undefined;
  const problems: Record<string, string | undefined> = {
    name: editing
      ? undefined
      : explainInvalidName(name) && `Name ${explainInvalidName(name)}`,
    owner:
      owner && !OWNER_REF_PATTERN.test(owner)
        ? 'A user or group ref such as group:default/ml-platform'
        : undefined,
    quotaCpu: quotaCpu === undefined ? 'e.g. 2 or 500m' : undefined,
    quotaMemory: quotaMemory === undefined ? 'e.g. 8Gi' : undefined,
    quotaGpu: quotaGpu === undefined ? 'a whole number' : undefined,
  };
  const groups = groupsOf(drafts);
  const invalid =
    !groups ||
    Boolean(problems.name || problems.owner) ||
    (!editing &&
      Boolean(problems.quotaCpu || problems.quotaMemory || problems.quotaGpu));
  const shown = (field: string) =>
    serverErrors[field] ?? (touched ? problems[field] : undefined);

  const submit = async () => {
    setTouched(true);
    if (invalid) {
      return;
    }
    setBusy(true);
    setServerErrors({});
    setGeneral(undefined);
    try {
      const saved = workspace
        ? await api.updateWorkspace(workspace.name, {
            title: title.trim() || workspace.name,
            description,
            ...(owner ? { owner } : {}),
            nodeGroups: groups,
          })
        : await api.createWorkspace({
            name,
            title: title.trim() || undefined,
            description,
            owner: owner || undefined,
            nodeGroups: groups,
            defaultUserQuota: {
              cpu: quotaCpu! / 1000,
              memoryMiB: quotaMemory!,
              gpu: quotaGpu!,
            },
          });
      onSaved(saved);
    } catch (e) {
      const parsed = fieldErrors(e);
      setServerErrors(parsed.fields);
      setGeneral(parsed.general);
    } finally {
      setBusy(false);
    }
  };

  const quotaField = (
    field: 'cpu' | 'memory' | 'gpu',
    label: string,
    problem: string,
  ) => (
    <Box flex={1} marginRight={1}>
      <TextField
        id={`ml-workspace-quota-${field}`}
        label={label}
        value={quota[field]}
        onChange={e => setQuota({ ...quota, [field]: e.target.value })}
        error={Boolean(shown(problem) ?? serverErrors.defaultUserQuota)}
        helperText={shown(problem)}
        fullWidth
        margin="dense"
      />
    </Box>
  );

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="ml-workspace-dialog-title"
    >
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle id="ml-workspace-dialog-title">
          {workspace ? `Edit workspace ${workspace.name}` : 'New workspace'}
        </DialogTitle>
        <DialogContent>
          <ErrorAlert message={general} />
          {!editing && (
            <TextField
              id="ml-workspace-name"
              label="Name"
              value={name}
              onChange={e => setName(e.target.value)}
              error={Boolean(shown('name'))}
              helperText={
                shown('name') ??
                'Lowercase letters, digits and "-"; used in URLs'
              }
              fullWidth
              margin="normal"
            />
          )}
          <TextField
            id="ml-workspace-title"
            label="Title"
            value={title}
            onChange={e => setTitle(e.target.value)}
            error={Boolean(shown('title'))}
            helperText={shown('title')}
            fullWidth
            margin="normal"
          />
          <TextField
            id="ml-workspace-description"
            label="Description"
            value={description}
            onChange={e => setDescription(e.target.value)}
            error={Boolean(shown('description'))}
            helperText={shown('description')}
            fullWidth
            multiline
            minRows={2}
            margin="normal"
          />
          <TextField
            id="ml-workspace-owner"
            label="Owner"
            value={owner}
            onChange={e => setOwner(e.target.value)}
            error={Boolean(shown('owner'))}
            helperText={
              shown('owner') ??
              (editing
                ? 'A user or group ref'
                : 'A user or group ref; you when empty')
            }
            fullWidth
            margin="normal"
          />
          <NodeGroupsEditor
            drafts={drafts}
            onChange={setDrafts}
            showProblems={touched}
            serverError={serverErrors.nodeGroups}
          />
          {!editing && (
            <Box marginTop={2}>
              <Typography variant="subtitle2">Default user quota</Typography>
              <Typography variant="body2" color="textSecondary">
                For users without a quota of their own
                {serverErrors.defaultUserQuota
                  ? `: ${serverErrors.defaultUserQuota}`
                  : ''}
              </Typography>
              <Box display="flex">
                {quotaField('cpu', 'Quota vCPU', 'quotaCpu')}
                {quotaField('memory', 'Quota memory', 'quotaMemory')}
                {quotaField('gpu', 'Quota GPU', 'quotaGpu')}
              </Box>
            </Box>
          )}
        </DialogContent>
        <DialogSubmitActions
          submitLabel={workspace ? 'Save' : 'Create'}
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
