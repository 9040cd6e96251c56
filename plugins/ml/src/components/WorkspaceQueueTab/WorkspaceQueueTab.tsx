import {
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  formatMemory,
  mlWorkspaceChannel,
  Workload,
  Workspace,
  WorkspaceNode,
} from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { useNow } from '../../hooks/useNow';
import { describeError } from '../../lib/errors';
import { projectSlug } from '../../lib/projectSlug';
import { nodeName, placedNodeName } from '../../lib/nodes';
import { formatVcpu } from '../../lib/resources';
import { workloadStartedColumn } from '../../lib/workloadColumns';
import { describeResources, formatDuration } from '../../lib/workloads';
import { jobRunRouteRef, projectRouteRef, sessionRouteRef } from '../../routes';
import { NodeGroupUsage } from '../NodeGroupUsage';
import { WorkloadStatus } from '../WorkloadStatus';
import { compactTableOptions } from '../tables/DenseTable';

/** @public */
export interface WorkspaceQueueTabProps {
  workspace: Workspace;
}

/**
 * Others submit work at any time, so the queue refreshes for as long as the
 * tab is open, a little slower than pages that follow one workload.
 */
const QUEUE_INTERVAL_MS = 3000;
/** Column widths are only honoured with a fixed layout. */
const sizedTableOptions = {
  ...compactTableOptions,
  tableLayout: 'fixed',
} as const;

/** "jane", or "group ml-research": the full ref is in the tooltip. */
function shortRef(ref: string) {
  const match = /^(user|group):[^/]+\/(.+)$/.exec(ref);
  if (!match) {
    return ref;
  }
  return match[1] === 'group' ? `group ${match[2]}` : match[2];
}

function usage(used: number, capacity: number, format: (v: number) => string) {
  return `${format(used)} / ${format(capacity)}`;
}

/**
 * The workspace's live state: what waits (in order, and why), what runs, and
 * how full each node group and node is.
 */
export function WorkspaceQueueTab(props: WorkspaceQueueTabProps) {
  const { workspace } = props;
  const api = useApi(mlApiRef);
  const sessionLink = useRouteRef(sessionRouteRef);
  const runLink = useRouteRef(jobRunRouteRef);
  const projectLink = useRouteRef(projectRouteRef);
  const { value, loading, error } = usePolledAsync(
    () => api.getWorkspaceQueue(workspace.name),
    [api, workspace.name],
    () => true,
    {
      intervalMs: QUEUE_INTERVAL_MS,
      channel: mlWorkspaceChannel(workspace.name),
    },
  );
  const projects = useAsync(
    () => api.listProjects({ workspace: workspace.name, pageSize: 500 }),
    [api, workspace.name],
  );
  const starting = (value?.nodes ?? []).some(n => !n.ready);
  const now = useNow(starting || (value?.running.length ?? 0) > 0);

  if (loading && !value) {
    return <Progress />;
  }
  if (!value) {
    return <ResponseErrorPanel error={error ?? new Error('No queue')} />;
  }

  const projectOf = (w: Workload) =>
    projects.value?.items.find(p => p.id === w.projectId);
  const slugOf = (w: Workload) => {
    const project = projectOf(w);
    return project ? projectSlug(project) : w.projectId;
  };
  const linkTo = (w: Workload) => {
    if (w.kind === 'session') {
      return sessionLink({ projectId: slugOf(w), sessionId: w.id });
    }
    if (w.kind === 'job' && w.jobId) {
      return runLink({ projectId: slugOf(w), jobId: w.jobId, runId: w.id });
    }
    return undefined;
  };

  const common: TableColumn<Workload>[] = [
    { title: 'Kind', field: 'kind' },
    {
      title: 'Name',
      field: 'name',
      render: w => {
        const to = linkTo(w);
        const name = w.name || w.id;
        return to ? <Link to={to}>{name}</Link> : name;
      },
    },
    {
      title: 'Project',
      render: w => (
        <Link to={projectLink({ projectId: slugOf(w) })}>
          {projectOf(w)?.name ?? w.projectId}
        </Link>
      ),
    },
    {
      title: 'Requester',
      field: 'requester',
      render: w => <span title={w.requester}>{shortRef(w.requester)}</span>,
    },
    {
      title: 'Charged to',
      field: 'chargedSubject',
      render: w => (
        <span title={w.chargedSubject}>{shortRef(w.chargedSubject)}</span>
      ),
    },
    { title: 'Resources', render: w => describeResources(w.resources) },
  ];
  // material-table splits the width left by columns without one evenly, and
  // only knows what is left once every column has one: give all of them one.
  const sized = (columns: TableColumn<Workload>[], widths: number[]) =>
    columns.map((column, i) => ({ ...column, width: `${widths[i]}%` }));
  const queuedColumns = sized(
    [
      { title: 'Position', field: 'queuePosition' },
      ...common,
      {
        title: 'Waiting',
        render: w => formatDuration(now - Date.parse(w.queuedAt)),
      },
      // The reason is the point of this table: it gets the most room.
      { title: 'Reason', field: 'reason', render: w => w.reason ?? '' },
    ],
    [9, 9, 10, 10, 8, 9, 10, 7, 28],
  );
  const runningColumns = sized(
    [
      ...common,
      { title: 'Status', render: w => <WorkloadStatus state={w.state} /> },
      workloadStartedColumn(),
      {
        title: 'Node',
        field: 'nodeId',
        render: w =>
          w.nodeId ? (
            <span title={w.nodeId}>
              {placedNodeName(w.nodeId, value.nodes)}
            </span>
          ) : (
            '—'
          ),
      },
    ],
    [9, 13, 12, 9, 11, 11, 12, 14, 9],
  );
  const nodeColumns: TableColumn<WorkspaceNode>[] = [
    {
      title: 'Node',
      field: 'id',
      highlight: true,
      render: n => <span title={n.id}>{nodeName(n)}</span>,
    },
    { title: 'Group', field: 'group' },
    {
      title: 'State',
      render: n =>
        n.ready
          ? 'Ready'
          : `Starting, ready in ${formatDuration(
              Math.max(0, Date.parse(n.readyAt) - now),
            )}`,
    },
    {
      title: 'CPU',
      render: n => usage(n.allocated.cpu, n.capacity.cpu, formatVcpu),
    },
    {
      title: 'Memory',
      render: n =>
        usage(n.allocated.memoryMiB, n.capacity.memoryMiB, formatMemory),
    },
    {
      title: 'GPU',
      render: n => usage(n.allocated.gpu, n.capacity.gpu, String),
    },
  ];

  // The queued and the running workloads: a table each, counted in its title.
  const workloadTable = (
    title: string,
    columns: TableColumn<Workload>[],
    rows: Workload[],
    empty: string,
  ) => (
    <Grid item xs={12}>
      <Table<Workload>
        title={`${title} (${rows.length})`}
        options={sizedTableOptions}
        columns={columns}
        data={rows}
        emptyContent={<Box padding={2}>{empty}</Box>}
      />
    </Grid>
  );

  return (
    <Grid container spacing={3}>
      {error && (
        <Grid item xs={12}>
          <Alert severity="warning">
            {`Refreshing failed, showing the last state: ${describeError(
              error,
            )}`}
          </Alert>
        </Grid>
      )}
      {workspace.nodeGroups.map(group => (
        <Grid item xs={12} md={6} lg={4} key={group.name}>
          <NodeGroupUsage
            group={group}
            nodes={value.nodes.filter(n => n.group === group.name)}
          />
        </Grid>
      ))}
      {workloadTable(
        'Queued',
        queuedColumns,
        value.queued,
        'Nothing is waiting.',
      )}
      {workloadTable(
        'Running',
        runningColumns,
        value.running,
        'Nothing is running.',
      )}
      <Grid item xs={12}>
        <Table<WorkspaceNode>
          title="Nodes"
          options={compactTableOptions}
          columns={nodeColumns}
          data={value.nodes}
          emptyContent={
            <Box padding={2}>
              <Typography color="textSecondary">
                No nodes: the workspace scales up when work arrives.
              </Typography>
            </Box>
          }
        />
      </Grid>
    </Grid>
  );
}
