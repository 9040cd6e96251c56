import { useState } from 'react';
import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import IconButton from '@material-ui/core/IconButton';
import Switch from '@material-ui/core/Switch';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import { Runtime } from '@ml-platform/plugin-ml-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlApiRef } from '../../api';
import { describeError } from '../../lib/errors';
import { runtimeLabel } from '../../lib/runtimes';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorSnackbar } from '../ErrorSnackbar';
import { RuntimeDialog } from '../RuntimeDialog';

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
    {
      title: 'Actions',
      sorting: false,
      render: r => (
        <>
          <IconButton
            size="small"
            aria-label={`Edit ${runtimeLabel(r)}`}
            onClick={() => setEditing(r)}
          >
            <EditIcon fontSize="small" />
          </IconButton>
          <IconButton
            size="small"
            aria-label={`Delete ${runtimeLabel(r)}`}
            onClick={() => setDeleting(r)}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </>
      ),
    },
  ];

  let table;
  if (loading && !value) {
    table = <Progress />;
  } else if (error) {
    table = <ResponseErrorPanel error={error} />;
  } else {
    table = (
      <Table<Runtime>
        title="Runtimes"
        options={{ search: false, paging: false, padding: 'dense' }}
        columns={columns}
        data={value?.items ?? []}
        emptyContent={<Box padding={2}>No runtimes registered yet.</Box>}
      />
    );
  }

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
        <Button
          variant="contained"
          color="primary"
          startIcon={<AddIcon />}
          onClick={() => setCreating(true)}
        >
          New runtime
        </Button>
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
