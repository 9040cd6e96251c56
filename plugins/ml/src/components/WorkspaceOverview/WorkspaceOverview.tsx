import { useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import {
  NodeGroup,
  Workspace,
  formatMemory,
} from '@ml-platform/plugin-ml-common';
import { DateTime } from 'luxon';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { formatGpu, formatVcpu } from '../../lib/resources';
import { CapacityBars } from '../CapacityBars';
import { ConfirmDialog } from '../ConfirmDialog';
import { WorkspaceDialog } from '../WorkspaceDialog';
import { resourceColumns } from '../tables/columns';
import { DenseTable } from '../tables/DenseTable';

/** @public */
export interface WorkspaceOverviewProps {
  workspace: Workspace;
  onDeleted: () => void;
  /** Called with the workspace as saved after an edit. */
  onWorkspaceChange?: (workspace: Workspace) => void;
}

const nodeGroupColumns: TableColumn<NodeGroup>[] = [
  { title: 'Name', field: 'name', highlight: true },
  ...resourceColumns<NodeGroup>(' per node'),
  { title: 'Min nodes', field: 'minNodes' },
  { title: 'Max nodes', field: 'maxNodes' },
  {
    title: 'Scale-up delay',
    field: 'scaleUpDelaySeconds',
    render: g => `${g.scaleUpDelaySeconds} s`,
  },
];

/** Details, node groups and capacity of a workspace. */
export function WorkspaceOverview(props: WorkspaceOverviewProps) {
  const { workspace, onDeleted, onWorkspaceChange } = props;
  const api = useApi(mlApiRef);
  const [deleting, setDeleting] = useState(false);
  const [editing, setEditing] = useState(false);
  // Node groups change what the workspace can hold.
  const capacity = useAsync(
    () => api.getWorkspaceCapacity(workspace.name),
    [api, workspace.name, workspace.updatedAt],
  );

  let capacityBody;
  if (capacity.loading) {
    capacityBody = <Progress />;
  } else if (capacity.error) {
    capacityBody = <ResponseErrorPanel error={capacity.error} />;
  } else if (capacity.value) {
    const largest = capacity.value.largestNode;
    capacityBody = (
      <>
        <CapacityBars capacity={capacity.value} />
        <Typography variant="body2" color="textSecondary">
          {`Largest node: ${formatVcpu(largest.cpu)}, ${formatMemory(
            largest.memoryMiB,
          )}, ${formatGpu(largest.gpu)}. No single workload can be larger.`}
        </Typography>
      </>
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Details"
          action={
            <>
              <Button startIcon={<EditIcon />} onClick={() => setEditing(true)}>
                Edit workspace
              </Button>
              <Button
                startIcon={<DeleteIcon />}
                onClick={() => setDeleting(true)}
              >
                Delete workspace
              </Button>
            </>
          }
        >
          <StructuredMetadataTable
            metadata={{
              name: workspace.name,
              title: workspace.title,
              owner: workspace.owner,
              driver: workspace.driver,
              description: workspace.description || '—',
              created: DateTime.fromISO(workspace.createdAt).toLocaleString(
                DateTime.DATETIME_MED,
              ),
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Capacity" subheader="Used / now (at most)">
          {capacityBody}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <DenseTable<NodeGroup>
          title="Node groups"
          columns={nodeGroupColumns}
          data={workspace.nodeGroups}
          emptyContent="No node groups."
        />
      </Grid>
      <WorkspaceDialog
        open={editing}
        workspace={workspace}
        onClose={() => setEditing(false)}
        onSaved={saved => {
          setEditing(false);
          onWorkspaceChange?.(saved);
        }}
      />
      <ConfirmDialog
        open={deleting}
        title={`Delete workspace ${workspace.name}?`}
        onConfirm={async () => {
          await api.deleteWorkspace(workspace.name);
          onDeleted();
        }}
        onClose={() => setDeleting(false)}
      >
        Its profiles and quotas go with it. A workspace that still has projects
        cannot be deleted.
      </ConfirmDialog>
    </Grid>
  );
}
