import { Link, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { Workload } from '@ml-platform/plugin-ml-common';
import { useNow } from '../../hooks/useNow';
import {
  workloadDurationColumn,
  workloadStartedColumn,
  workloadStatusColumn,
} from '../../lib/workloadColumns';
import { formatTime } from '../../lib/workloads';

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
    workloadStatusColumn(),
    {
      title: 'Attempt',
      field: 'attempt',
      render: r => `${r.attempt} of ${r.maxAttempts}`,
    },
    { title: 'Trigger', field: 'trigger', render: r => r.trigger ?? '—' },
    workloadStartedColumn(),
    workloadDurationColumn(now),
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
