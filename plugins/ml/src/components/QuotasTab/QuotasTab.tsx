import { useState } from 'react';
import { InfoCard, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import EditIcon from '@material-ui/icons/Edit';
import {
  OWNER_REF_PATTERN,
  Quota,
  Workspace,
  formatMemory,
} from '@ml-platform/plugin-ml-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlApiRef } from '../../api';
import { formatGpu, formatVcpu } from '../../lib/resources';
import { AsyncTable } from '../AsyncTable';
import { ConfirmDialog } from '../ConfirmDialog';
import { NewItemButton } from '../NewItemButton';
import { ResourceDialog, resourceAmounts } from '../ResourceDialog';
import { editDeleteColumn, resourceColumns } from '../tables/columns';

/** @public */
export interface QuotasTabProps {
  workspace: Workspace;
  /** Called with the workspace as saved after its default quota changed. */
  onWorkspaceChange: (workspace: Workspace) => void;
}

function validateSubject(subject: string) {
  return OWNER_REF_PATTERN.test(subject)
    ? undefined
    : 'Subject must be a user or group ref such as user:default/jane';
}

/** Per-user and per-group limits, and the default for everybody else. */
export function QuotasTab(props: QuotasTabProps) {
  const { workspace, onWorkspaceChange } = props;
  const api = useApi(mlApiRef);
  const [editingDefault, setEditingDefault] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Quota>();
  const [deleting, setDeleting] = useState<Quota>();
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listQuotas(workspace.name, { sort: '+subject', pageSize: 100 }),
    [api, workspace.name],
  );

  const defaults = workspace.defaultUserQuota;
  const columns: TableColumn<Quota>[] = [
    { title: 'Subject', field: 'subject', highlight: true },
    ...resourceColumns<Quota>(),
    editDeleteColumn<Quota>({
      describe: q => `quota of ${q.subject}`,
      onEdit: setEditing,
      onDelete: setDeleting,
    }),
  ];

  const table = (
    <AsyncTable<Quota>
      title="Quotas"
      columns={columns}
      rows={value?.items}
      loading={loading}
      error={error}
      emptyContent="No quotas yet; everybody gets the default user quota."
    />
  );

  return (
    <>
      <Box marginBottom={3}>
        <InfoCard
          title="Default user quota"
          subheader="Applies to every user who has no quota of their own"
          action={
            <Button
              startIcon={<EditIcon />}
              onClick={() => setEditingDefault(true)}
            >
              Edit default quota
            </Button>
          }
        >
          <Typography>
            {`${formatVcpu(defaults.cpu)} · ${formatMemory(
              defaults.memoryMiB,
            )} · ${formatGpu(defaults.gpu)}`}
          </Typography>
        </InfoCard>
      </Box>
      <NewItemButton label="New quota" onClick={() => setCreating(true)} />
      {table}
      <ResourceDialog
        open={editingDefault}
        title="Default user quota"
        submitLabel="Save"
        initial={defaults}
        onSubmit={async values => {
          const saved = await api.updateWorkspace(workspace.name, {
            defaultUserQuota: resourceAmounts(values),
          });
          onWorkspaceChange(saved);
        }}
        onClose={() => setEditingDefault(false)}
      />
      <ResourceDialog
        open={creating}
        title="New quota"
        submitLabel="Create"
        keyField={{
          label: 'Subject',
          helperText: 'A user or group, e.g. user:default/jane',
          validate: validateSubject,
        }}
        onSubmit={async values => {
          await api.createQuota(workspace.name, {
            subject: values.key,
            ...resourceAmounts(values),
          });
          retry();
        }}
        onClose={() => setCreating(false)}
      />
      <ResourceDialog
        open={Boolean(editing)}
        title={`Quota of ${editing?.subject ?? ''}`}
        submitLabel="Save"
        initial={editing}
        onSubmit={async values => {
          await api.updateQuota(workspace.name, editing!.id, {
            ...resourceAmounts(values),
          });
          retry();
        }}
        onClose={() => setEditing(undefined)}
      />
      <ConfirmDialog
        open={Boolean(deleting)}
        title={`Delete the quota of ${deleting?.subject ?? ''}?`}
        onConfirm={async () => {
          await api.deleteQuota(workspace.name, deleting!.id);
          retry();
        }}
        onClose={() => setDeleting(undefined)}
      >
        The default user quota will apply to them instead.
      </ConfirmDialog>
    </>
  );
}
