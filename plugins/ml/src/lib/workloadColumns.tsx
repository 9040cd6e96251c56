import { TableColumn } from '@backstage/core-components';
import { Workload } from '@ml-platform/plugin-ml-common';
import { WorkloadStatus } from '../components/WorkloadStatus';
import { formatTime, workloadDuration } from './workloads';

// Columns that every table of workloads (sessions, job runs, the queue)
// shows the same way, so that a state or a time reads alike everywhere.

/** The state chip, with the queue position while the workload waits. */
export function workloadStatusColumn(): TableColumn<Workload> {
  return {
    title: 'Status',
    field: 'state',
    render: w => (
      <WorkloadStatus
        state={w.state}
        detail={w.queuePosition ? `position ${w.queuePosition}` : undefined}
      />
    ),
  };
}

/** When the workload started running. */
export function workloadStartedColumn(): TableColumn<Workload> {
  return { title: 'Started', render: w => formatTime(w.startedAt) };
}

/** How long it has run; `now` ticks while any row is running. */
export function workloadDurationColumn(now: number): TableColumn<Workload> {
  return { title: 'Duration', render: w => workloadDuration(w, now) ?? '—' };
}
