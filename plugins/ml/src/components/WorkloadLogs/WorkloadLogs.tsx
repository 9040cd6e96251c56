import { useState } from 'react';
import { InfoCard, LogViewer } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { Workload } from '@ml-platform/plugin-ml-common';
import { LogPhase, useWorkloadLogs } from '../../hooks/useWorkloadLogs';
import { describeError } from '../../lib/errors';

const useStyles = makeStyles({
  // The LogViewer sizes itself to its container.
  viewer: { height: 420 },
});

/** @public */
export interface WorkloadLogsProps {
  workload: Pick<Workload, 'id' | 'state' | 'attempt'>;
  title?: string;
  /** The live log ended, so the workload did: time to reload its state. */
  onEnded?: () => void;
}

function phaseOf(
  workload: WorkloadLogsProps['workload'],
  attempt: number,
): LogPhase {
  if (attempt < workload.attempt) {
    return 'ended';
  }
  if (workload.state === 'queued') {
    return 'waiting';
  }
  return workload.state === 'starting' || workload.state === 'running'
    ? 'live'
    : 'ended';
}

/**
 * A workload's output: followed live while it runs, the stored lines after
 * it ended, with a choice of attempt for retried runs.
 */
export function WorkloadLogs(props: WorkloadLogsProps) {
  const { workload, title = 'Logs', onEnded } = props;
  const classes = useStyles();
  const [chosen, setChosen] = useState<number>();
  const attempt = chosen ?? workload.attempt;
  const phase = phaseOf(workload, attempt);
  const logs = useWorkloadLogs(workload.id, attempt, phase, onEnded);

  let body;
  if (phase === 'waiting') {
    body = (
      <Typography color="textSecondary">
        No logs yet: it is waiting in the queue.
      </Typography>
    );
  } else if (logs.lines.length === 0) {
    body = (
      <Typography color="textSecondary">
        {logs.loading || logs.following ? 'Waiting for output…' : 'No output.'}
      </Typography>
    );
  } else {
    body = (
      <div className={classes.viewer}>
        <LogViewer text={logs.lines.join('\n')} />
      </div>
    );
  }

  return (
    <InfoCard
      title={title}
      subheader={logs.following ? 'Following live output' : undefined}
      action={
        workload.attempt > 1 ? (
          <Box minWidth={120}>
            <TextField
              id={`ml-logs-attempt-${workload.id}`}
              label="Attempt"
              select
              value={attempt}
              onChange={e => setChosen(Number(e.target.value))}
              margin="dense"
            >
              {Array.from({ length: workload.attempt }, (_, i) => i + 1).map(
                n => (
                  <MenuItem key={n} value={n}>
                    {n}
                  </MenuItem>
                ),
              )}
            </TextField>
          </Box>
        ) : undefined
      }
    >
      {logs.error && (
        <Alert severity={logs.following ? 'warning' : 'error'} role="alert">
          {logs.following
            ? `Reconnecting to the log: ${describeError(logs.error)}`
            : `Could not read the logs: ${describeError(logs.error)}`}
        </Alert>
      )}
      {body}
    </InfoCard>
  );
}
