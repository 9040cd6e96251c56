import { Table, TableColumn } from '@backstage/core-components';
import { withRowIds } from '../tables/rowIds';
import Box from '@material-ui/core/Box';
import { WorkloadEvent } from '@ml-platform/plugin-ml-common';
import { formatTime } from '../../lib/workloads';
import { WorkloadStatus } from '../WorkloadStatus';
import { compactTableOptions } from '../tables/DenseTable';

/** @public */
export interface WorkloadEventsTableProps {
  events: WorkloadEvent[];
}

const columns: TableColumn<WorkloadEvent>[] = [
  {
    title: 'Time',
    field: 'at',
    cellStyle: { whiteSpace: 'nowrap' },
    render: e => formatTime(e.at),
  },
  {
    title: 'From',
    field: 'from',
    render: e => (e.from ? <WorkloadStatus state={e.from} /> : '—'),
  },
  { title: 'To', field: 'to', render: e => <WorkloadStatus state={e.to} /> },
  { title: 'Attempt', field: 'attempt' },
  { title: 'Reason', field: 'reason', render: e => e.reason ?? '' },
];

/** Every state change of a workload, oldest first: its history. */
export function WorkloadEventsTable(props: WorkloadEventsTableProps) {
  return (
    <Table<WorkloadEvent>
      title="Event history"
      options={{ ...compactTableOptions, sorting: false }}
      columns={columns}
      data={withRowIds(props.events)}
      emptyContent={<Box padding={2}>No events yet.</Box>}
    />
  );
}
