import Box from '@material-ui/core/Box';
import { ComponentType, ReactNode } from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';

/** Which of Backstage's status colours and icons a state shows with. */
export type StatusKind = 'pending' | 'running' | 'ok' | 'aborted' | 'error';

const STATUS_COMPONENTS: Record<
  StatusKind,
  ComponentType<{ children?: ReactNode }>
> = {
  pending: StatusPending,
  running: StatusRunning,
  ok: StatusOK,
  aborted: StatusAborted,
  error: StatusError,
};

/** How one state of a resource is shown. */
export interface StatusLook {
  label: string;
  kind: StatusKind;
}

/** The states every kind of work (sessions, runs, builds, deployments) has. */
export const COMMON_LOOKS = {
  queued: { label: 'Queued', kind: 'pending' },
  failed: { label: 'Failed', kind: 'error' },
  stopped: { label: 'Stopped', kind: 'aborted' },
} as const satisfies Record<string, StatusLook>;

export interface StatusChipProps {
  /** Unknown states show as errors, so that they stand out. */
  look: StatusLook | undefined;
  /** Shown after the label, e.g. "1/2 ready". */
  detail?: string;
}

/** A state's label with the colour and icon Backstage uses for its kind. */
export function StatusChip(props: StatusChipProps) {
  const { look, detail } = props;
  const Status = STATUS_COMPONENTS[look?.kind ?? 'error'];
  const label = look?.label ?? '';
  // A chip in a narrow cell wraps as a whole, never inside a word ("Queu ed").
  return (
    <Box component="span" whiteSpace="nowrap">
      <Status>{detail ? `${label} · ${detail}` : label}</Status>
    </Box>
  );
}
