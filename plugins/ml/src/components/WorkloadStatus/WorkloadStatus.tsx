import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { WorkloadState } from '@ml-platform/plugin-ml-common';

/** @public */
export interface WorkloadStatusProps {
  state: WorkloadState;
  /** Shown after the state, e.g. a duration or a queue position. */
  detail?: string;
}

const LABELS: Record<WorkloadState, string> = {
  queued: 'Queued',
  starting: 'Starting',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  stopped: 'Stopped',
  timed_out: 'Timed out',
};

/** The state of a session or run, with the colour and icon Backstage uses. */
export function WorkloadStatus(props: WorkloadStatusProps) {
  const { state, detail } = props;
  const text = detail ? `${LABELS[state]} · ${detail}` : LABELS[state];
  switch (state) {
    case 'queued':
    case 'starting':
      return <StatusPending>{text}</StatusPending>;
    case 'running':
      return <StatusRunning>{text}</StatusRunning>;
    case 'succeeded':
      return <StatusOK>{text}</StatusOK>;
    case 'stopped':
      return <StatusAborted>{text}</StatusAborted>;
    default:
      return <StatusError>{text}</StatusError>;
  }
}

/** The colour a graph node or bar uses for a state (none: never ran). */
export function workloadStateColor(state: WorkloadState | undefined): string {
  switch (state) {
    case 'succeeded':
      return '#3E8635';
    case 'failed':
    case 'timed_out':
      return '#C9190B';
    case 'running':
    case 'starting':
      return '#2B6CB0';
    case 'queued':
      return '#F0AB00';
    default:
      return '#6A6E73';
  }
}
