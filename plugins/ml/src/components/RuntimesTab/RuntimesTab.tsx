import { useState } from 'react';
import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import { Runtime } from '@ml-platform/plugin-ml-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlApiRef } from '../../api';
import { describeError } from '../../lib/errors';
import { runtimeLabel } from '../../lib/runtimes';
import { AsyncTable } from '../AsyncTable';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorSnackbar } from '../ErrorSnackbar';
import { RuntimeDialog } from '../RuntimeDialog';
import { editDeleteColumn } from '../tables/columns';
import { NewButton } from '../NewItemButton';

/**
 * The runtime catalog is global, not per workspace; it is shown among the
 * workspace admin pages because that is where administrators look for it.
 */
export function RuntimesTab() {
  const api = useApi(mlApiRef);
  const [all, setAll] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Runtime>();
  const [deleting, setDeleting] = useState<Runtime>();
  const [pending, setPending] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.listRuntimes({
        all,
        sort: '+kernel,-short_version,-maintenance_version',
        pageSize: 200,
      }),
    [api, all],
  );

  const toggle = async (runtime: Runtime, enabled: boolean) => {
    setPending(runtime.id);
    try {
      await api.updateRuntime(runtime.id, { enabled });
      retry();
    } catch (e) {
      setActionError(describeError(e));
    } finally {
      setPending(undefined);
    }
  };

  const columns: TableColumn<Runtime>[] = [
    { title: 'Editor', field: 'editor' },
    { title: 'Kernel', field: 'kernel', highlight: true },
    { title: 'Edition', field: 'edition' },
    {
      title: 'Version',
      field: 'shortVersion',
      render: r => `${r.shortVersion}.${r.maintenanceVersion}`,
    },
    {
      title: 'Image / command',
      render: r => r.image ?? r.command ?? '',
    },
    {
      title: 'Enabled',
      field: 'enabled',
      render: r => (
        <Switch
          checked={r.enabled}
          disabled={pending === r.id}
          onChange={(_, checked) => toggle(r, checked)}
          inputProps={{ 'aria-label': `Enable ${runtimeLabel(r)}` }}
          color="primary"
        />
      ),
    },
    editDeleteColumn<Runtime>({
      describe: runtimeLabel,
      onEdit: setEditing,
      onDelete: setDeleting,
    }),
  ];

  const table = (
    <AsyncTable<Runtime>
      title="Runtimes"
      columns={columns}
      rows={value?.items}
      loading={loading}
      error={error}
      emptyContent="No runtimes registered yet."
    />
  );

  return (
    <>
      <Box display="flex" alignItems="center" marginBottom={2}>
        <FormControlLabel
          control={
            <Switch
              checked={all}
              onChange={(_, checked) => setAll(checked)}
              color="primary"
            />
          }
          label="Show all versions"
        />
        <Box flexGrow={1} />
        <NewButton onClick={() => setCreating(true)}>New runtime</NewButton>
      </Box>
      {table}
      <RuntimeDialog
        open={creating}
        onSubmit={async request => {
          await api.createRuntime(request);
          retry();
        }}
        onClose={() => setCreating(false)}
      />
      <RuntimeDialog
        open={Boolean(editing)}
        runtime={editing}
        onSubmit={async request => {
          await api.updateRuntime(editing!.id, {
            description: request.description,
            image: request.image ?? null,
            command: request.command ?? null,
          });
          retry();
        }}
        onClose={() => setEditing(undefined)}
      />
      <ConfirmDialog
        open={Boolean(deleting)}
        title={`Delete runtime ${deleting ? runtimeLabel(deleting) : ''}?`}
        onConfirm={async () => {
          await api.deleteRuntime(deleting!.id);
          retry();
        }}
        onClose={() => setDeleting(undefined)}
      >
        Disabling keeps the runtime for existing workloads; deleting removes it
        from the catalog.
      </ConfirmDialog>
      <ErrorSnackbar
        message={actionError}
        onClose={() => setActionError(undefined)}
      />
    </>
  );
}
