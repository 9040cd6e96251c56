import { useState } from 'react';
import {
  InfoCard,
  Link,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import StopIcon from '@material-ui/icons/Stop';
import Alert from '@material-ui/lab/Alert';
import { Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { useNow } from '../../hooks/useNow';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { useRuntimes } from '../../hooks/useRuntimes';
import { describeError } from '../../lib/errors';
import { projectSlug } from '../../lib/projectSlug';
import {
  describeResources,
  formatTime,
  isActiveState,
  workloadDuration,
} from '../../lib/workloads';
import { projectRouteRef } from '../../routes';
import { AsyncFallback } from '../AsyncFallback';
import { ErrorAlert } from '../ErrorAlert';
import { RoleGate } from '../RoleGate';
import { SessionConsole } from '../SessionConsole';
import { WorkloadLogs } from '../WorkloadLogs';
import { WorkloadStatus } from '../WorkloadStatus';

/** @public */
export interface SessionPageProps {
  project: Project;
  sessionId: string;
}

/** One session: its state, the console, and its logs. */
export function SessionPage(props: SessionPageProps) {
  const { project, sessionId } = props;
  const api = useApi(mlApiRef);
  const projectLink = useRouteRef(projectRouteRef);
  const runtimes = useRuntimes();
  const access = useProjectAccess(project.id);
  const [stopping, setStopping] = useState(false);
  const [stopError, setStopError] = useState<string>();
  const {
    value: session,
    loading,
    error,
    retry,
  } = usePolledAsync(
    () => api.getSession(project.id, sessionId),
    [api, project.id, sessionId],
    s => isActiveState(s.state),
  );
  const now = useNow(session?.state === 'running');

  if (!session) {
    return (
      <AsyncFallback
        loading={loading}
        error={error}
        notFound="Session not found"
      />
    );
  }

  const active = isActiveState(session.state);
  const stop = async () => {
    setStopping(true);
    setStopError(undefined);
    try {
      await api.stopSession(project.id, session.id);
      retry();
    } catch (e) {
      setStopError(describeError(e));
    } finally {
      setStopping(false);
    }
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Link
          to={`${projectLink({ projectId: projectSlug(project) })}/sessions`}
        >
          <Box display="inline-flex" alignItems="center">
            <ArrowBackIcon fontSize="small" />
            &nbsp;All sessions
          </Box>
        </Link>
      </Grid>
      <Grid item xs={12} lg={4}>
        <InfoCard
          title={session.name || 'Session'}
          action={
            active ? (
              <RoleGate access={access} requires="contributor">
                <Button
                  startIcon={<StopIcon />}
                  onClick={stop}
                  disabled={stopping}
                >
                  Stop
                </Button>
              </RoleGate>
            ) : undefined
          }
        >
          <ErrorAlert message={stopError} />
          {session.state === 'queued' && (
            <Alert severity="info">
              {`Waiting in the queue${
                session.queuePosition
                  ? ` at position ${session.queuePosition}`
                  : ''
              }${session.reason ? `: ${session.reason}` : ''}`}
            </Alert>
          )}
          <StructuredMetadataTable
            dense
            metadata={{
              status: <WorkloadStatus state={session.state} />,
              ...(session.state === 'queued'
                ? {}
                : { reason: session.reason || '—' }),
              runtime: runtimes.label(session.runtimeId),
              profile: `${session.profile ?? '—'} (${describeResources(
                session.resources,
              )})`,
              'started by': session.requester,
              'charged to': session.chargedSubject,
              started: formatTime(session.startedAt),
              duration: workloadDuration(session, now) ?? '—',
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={8}>
        <SessionConsole
          projectId={project.id}
          sessionId={session.id}
          running={session.state === 'running'}
        />
      </Grid>
      <Grid item xs={12}>
        <WorkloadLogs workload={session} title="Session logs" />
      </Grid>
    </Grid>
  );
}
