import { WorkloadState } from '@ml-platform/plugin-ml-common';
import { COMMON_LOOKS, StatusChip, StatusLook } from '../StatusChip';

/** @public */
export interface WorkloadStatusProps {
  state: WorkloadState;
  /** Shown after the state, e.g. a duration or a queue position. */
  detail?: string;
}

const { queued, failed, stopped } = COMMON_LOOKS;

const LOOKS: Record<WorkloadState, StatusLook> = {
  queued,
  starting: { label: 'Starting', kind: 'pending' },
  running: { label: 'Running', kind: 'running' },
  succeeded: { label: 'Succeeded', kind: 'ok' },
  failed,
  stopped,
  timed_out: { label: 'Timed out', kind: 'error' },
};

/** The state of a session or run, with the colour and icon Backstage uses. */
export function WorkloadStatus(props: WorkloadStatusProps) {
  const { state, detail } = props;
  return <StatusChip look={LOOKS[state]} detail={detail} />;
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
