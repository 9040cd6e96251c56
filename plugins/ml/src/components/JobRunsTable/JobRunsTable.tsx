import { Link, TableColumn } from '@backstage/core-components';
import { Workload } from '@ml-platform/plugin-ml-common';
import { useNow } from '../../hooks/useNow';
import {
  workloadDurationColumn,
  workloadStartedColumn,
  workloadStatusColumn,
} from '../../lib/workloadColumns';
import { formatTime } from '../../lib/workloads';
import { DenseTable } from '../tables/DenseTable';

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
    <DenseTable<Workload>
      title={title}
      columns={columns}
      data={runs}
      emptyContent="No runs yet."
    />
  );
}
