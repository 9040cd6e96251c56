import { useState } from 'react';
import { Progress, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { Model, ModelAccessKey, Project } from '@ml-platform/plugin-ml-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlApiRef } from '../../api';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { formatTime } from '../../lib/workloads';
import { AsyncTable } from '../AsyncTable';
import { ConfirmDialog } from '../ConfirmDialog';
import { NewItemButton } from '../NewItemButton';
import { NewAccessKeyDialog } from './NewAccessKeyDialog';

/** @public */
export interface ModelAccessKeysProps {
  project: Project;
  model: Model;
}

/**
 * The model's access keys, masked; create one (shown once) or revoke one.
 * Keys are contributors' business: the others are told so, and the keys are
 * not even listed for them.
 */
export function ModelAccessKeys(props: ModelAccessKeysProps) {
  const access = useProjectAccess(props.project.id);
  if (access.loading) {
    return <Progress />;
  }
  if (!access.canWrite) {
    return (
      <Alert severity="info">
        Access keys need the contributor role on this project. You can still
        call the model from the Test tab.
      </Alert>
    );
  }
  return <AccessKeysTable {...props} />;
}

function AccessKeysTable(props: ModelAccessKeysProps) {
  const { project, model } = props;
  const api = useApi(mlApiRef);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ModelAccessKey>();
  const keys = useAsyncRetry(
    () => api.listAccessKeys(project.id, model.id),
    [api, project.id, model.id],
  );

  const columns: TableColumn<ModelAccessKey>[] = [
    { title: 'Name', field: 'name', highlight: true },
    {
      title: 'Key',
      render: k => <code>{k.masked}</code>,
    },
    { title: 'Created by', field: 'createdBy' },
    { title: 'Created', render: k => formatTime(k.createdAt) },
    {
      title: 'Last used',
      render: k => (k.lastUsedAt ? formatTime(k.lastUsedAt) : 'Never'),
    },
    {
      title: 'Actions',
      render: k => (
        <Button
          size="small"
          onClick={() => setRevoking(k)}
          aria-label={`Revoke ${k.name}`}
        >
          Revoke
        </Button>
      ),
    },
  ];

  const table = (
    <AsyncTable<ModelAccessKey>
      title="Access keys"
      columns={columns}
      rows={keys.value}
      loading={keys.loading}
      error={keys.value ? undefined : keys.error}
      emptyContent='No keys. Callers send a key as "accessKey" in the request body.'
    />
  );

  return (
    <>
      <NewItemButton label="New key" onClick={() => setCreating(true)} />
      {model.disableAuthentication && (
        <Box marginBottom={2}>
          <Alert severity="info">
            Authentication is disabled for this model: calls need no key.
          </Alert>
        </Box>
      )}
      {table}
      <NewAccessKeyDialog
        open={creating}
        onCreate={async name => {
          const created = await api.createAccessKey(project.id, model.id, name);
          keys.retry();
          return created;
        }}
        onClose={() => setCreating(false)}
      />
      <ConfirmDialog
        open={Boolean(revoking)}
        title={`Revoke key ${revoking?.name ?? ''}?`}
        confirmLabel="Revoke"
        onConfirm={async () => {
          await api.revokeAccessKey(project.id, model.id, revoking!.id);
          keys.retry();
        }}
        onClose={() => setRevoking(undefined)}
      >
        Calls with this key are refused from now on.
      </ConfirmDialog>
    </>
  );
}
