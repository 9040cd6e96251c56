import { useState } from 'react';
import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import StopIcon from '@material-ui/icons/Stop';
import Alert from '@material-ui/lab/Alert';
import { CollaboratorRole, Workload } from '@ml-platform/plugin-ml-common';
import { ProjectAccess } from '../../hooks/useProjectAccess';
import { describeError } from '../../lib/errors';
import { isActiveState } from '../../lib/workloads';
import { ErrorAlert } from '../ErrorAlert';
import { RoleGate } from '../RoleGate';

export interface WorkloadSummaryCardProps {
  workload: Workload;
  title: string;
  subheader?: string;
  access: ProjectAccess;
  /** The role Stop asks for. */
  stopRole: CollaboratorRole;
  /** Stops the workload and reloads it; a failure is shown on the card. */
  onStop: () => Promise<void>;
  /** The rows of the card's table. */
  metadata: Record<string, unknown>;
}

/**
 * The card about a session or a run: its details, why it still waits in the
 * queue, and Stop while it is active.
 */
export function WorkloadSummaryCard(props: WorkloadSummaryCardProps) {
  const { workload, title, subheader, access, stopRole, onStop } = props;
  const [stopping, setStopping] = useState(false);
  const [stopError, setStopError] = useState<string>();

  const stop = async () => {
    setStopping(true);
    setStopError(undefined);
    try {
      await onStop();
    } catch (e) {
      setStopError(describeError(e));
    } finally {
      setStopping(false);
    }
  };

  return (
    <InfoCard
      title={title}
      subheader={subheader}
      action={
        isActiveState(workload.state) ? (
          <RoleGate access={access} requires={stopRole}>
            <Button startIcon={<StopIcon />} onClick={stop} disabled={stopping}>
              Stop
            </Button>
          </RoleGate>
        ) : undefined
      }
    >
      <ErrorAlert message={stopError} />
      {workload.state === 'queued' && (
        <Alert severity="info">
          {`Waiting in the queue${
            workload.queuePosition
              ? ` at position ${workload.queuePosition}`
              : ''
          }${workload.reason ? `: ${workload.reason}` : ''}`}
        </Alert>
      )}
      <StructuredMetadataTable dense metadata={props.metadata} />
    </InfoCard>
  );
}
