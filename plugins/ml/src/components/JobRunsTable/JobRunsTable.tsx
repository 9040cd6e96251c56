import { Link, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { Workload } from '@ml-platform/plugin-ml-common';
import { useNow } from '../../hooks/useNow';
import { formatTime, workloadDuration } from '../../lib/workloads';
import { WorkloadStatus } from '../WorkloadStatus';

/** @public */
export interface JobRunsTableProps {
  runs: Workload[];
  linkTo: (run: Workload) => string;
  title?: string;
}

/** Runs of a job, newest first, each linking to its run page. */
export function JobRunsTable(props: JobRunsTableProps) {
  const { runs, linkTo, title = 'Runs' } = props;
  const now = useNow(runs.some(r => r.state === 'running'));
  const columns: TableColumn<Workload>[] = [
    {
      title: 'Run',
      field: 'queuedAt',
      highlight: true,
      render: r => <Link to={linkTo(r)}>{formatTime(r.queuedAt)}</Link>,
    },
    {
      title: 'Status',
      field: 'state',
      render: r => (
        <WorkloadStatus
          state={r.state}
          detail={r.queuePosition ? `position ${r.queuePosition}` : undefined}
        />
      ),
    },
    {
      title: 'Attempt',
      field: 'attempt',
      render: r => `${r.attempt} of ${r.maxAttempts}`,
    },
    { title: 'Trigger', field: 'trigger', render: r => r.trigger ?? '—' },
    { title: 'Started', render: r => formatTime(r.startedAt) },
    { title: 'Duration', render: r => workloadDuration(r, now) ?? '—' },
    {
      title: 'Exit code',
      field: 'exitCode',
      render: r => (r.exitCode === undefined ? '—' : String(r.exitCode)),
    },
  ];
  return (
    <Table<Workload>
      title={title}
      options={{ search: false, paging: false, padding: 'dense' }}
      columns={columns}
      data={runs}
      emptyContent={<Box padding={2}>No runs yet.</Box>}
    />
  );
}
