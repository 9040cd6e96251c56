import { useState } from 'react';
import {
  Progress,
  ResponseErrorPanel,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ResourceProfile,
  explainInvalidName,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useWorkspaceProfiles } from '../../hooks/useWorkspaceProfiles';
import { ConfirmDialog } from '../ConfirmDialog';
import { NewItemButton } from '../NewItemButton';
import { ResourceDialog, resourceAmounts } from '../ResourceDialog';
import { editDeleteColumn, resourceColumns } from '../tables/columns';
import { DenseTable } from '../tables/DenseTable';

/** @public */
export interface ProfilesTabProps {
  workspace: string;
}

/**
 * Resource profiles are the sizes people pick for sessions and jobs; the
 * backend refuses one that fits no node, and the dialog shows why.
 */
export function ProfilesTab(props: ProfilesTabProps) {
  const { workspace } = props;
  const api = useApi(mlApiRef);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ResourceProfile>();
  const [deleting, setDeleting] = useState<ResourceProfile>();
  const { value, loading, error, retry } = useWorkspaceProfiles(workspace);

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }

  const columns: TableColumn<ResourceProfile>[] = [
    { title: 'Name', field: 'name', highlight: true },
    { title: 'Description', field: 'description' },
    ...resourceColumns<ResourceProfile>(),
    editDeleteColumn<ResourceProfile>({
      describe: p => `profile ${p.name}`,
      onEdit: setEditing,
      onDelete: setDeleting,
    }),
  ];

  return (
    <>
      <NewItemButton label="New profile" onClick={() => setCreating(true)} />
      <DenseTable<ResourceProfile>
        title="Resource profiles"
        columns={columns}
        data={value ?? []}
        emptyContent="No resource profiles yet."
      />
      <ResourceDialog
        open={creating}
        title="New resource profile"
        submitLabel="Create"
        keyField={{
          label: 'Name',
          helperText: 'Lowercase letters, digits and "-"',
          validate: name => {
            const problem = explainInvalidName(name);
            return problem && `Name ${problem}`;
          },
        }}
        withDescription
        requirePositive
        onSubmit={async values => {
          await api.createProfile(workspace, {
            name: values.key,
            description: values.description,
            ...resourceAmounts(values),
          });
          retry();
        }}
        onClose={() => setCreating(false)}
      />
      <ResourceDialog
        open={Boolean(editing)}
        title={`Edit resource profile ${editing?.name ?? ''}`}
        submitLabel="Save"
        keyField={{
          label: 'Name',
          helperText: 'Names cannot change',
          validate: () => undefined,
          readOnly: true,
        }}
        withDescription
        requirePositive
        initial={
          editing && {
            key: editing.name,
            description: editing.description,
            cpu: editing.cpu,
            memoryMiB: editing.memoryMiB,
            gpu: editing.gpu,
          }
        }
        onSubmit={async values => {
          await api.updateProfile(workspace, editing!.name, {
            description: values.description,
            ...resourceAmounts(values),
          });
          retry();
        }}
        onClose={() => setEditing(undefined)}
      />
      <ConfirmDialog
        open={Boolean(deleting)}
        title={`Delete resource profile ${deleting?.name ?? ''}?`}
        onConfirm={async () => {
          await api.deleteProfile(workspace, deleting!.name);
          retry();
        }}
        onClose={() => setDeleting(undefined)}
      >
        Sessions and jobs that already use it keep running; new ones can no
        longer pick it.
      </ConfirmDialog>
    </>
  );
}
