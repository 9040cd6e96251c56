import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { mlProjectChannel, Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { useNow } from '../../hooks/useNow';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { useRuntimes } from '../../hooks/useRuntimes';
import { projectSlug } from '../../lib/projectSlug';
import {
  describeResources,
  formatTime,
  isActiveState,
  workloadDuration,
} from '../../lib/workloads';
import { projectRouteRef } from '../../routes';
import { AsyncFallback } from '../AsyncFallback';
import { BackLink } from '../BackLink';
import { SessionWorkbench } from '../SessionWorkbench';
import { WorkloadLogs } from '../WorkloadLogs';
import { WorkloadStatus } from '../WorkloadStatus';
import { WorkloadSummaryCard } from '../WorkloadSummaryCard';

// The logs card takes the folded panel's whole width.
const useStyles = makeStyles({ logs: { display: 'block' } });

/** @public */
export interface SessionPageProps {
  project: Project;
  sessionId: string;
}

/** One session: its state, the workbench (files, editor and console), and its logs folded away. */
export function SessionPage(props: SessionPageProps) {
  const { project, sessionId } = props;
  const classes = useStyles();
  const api = useApi(mlApiRef);
  const projectLink = useRouteRef(projectRouteRef);
  const runtimes = useRuntimes();
  const access = useProjectAccess(project.id);
  const {
    value: session,
    loading,
    error,
    retry,
  } = usePolledAsync(
    () => api.getSession(project.id, sessionId),
    [api, project.id, sessionId],
    s => isActiveState(s.state),
    { channel: mlProjectChannel(project.id) },
  );
  const now = useNow(session?.state === 'running');

  if (!session) {
    return (
      <AsyncFallback
        loading={loading}
        error={error}
        notFound="Session not found"
        back={{
          label: 'Back to the sessions',
          to: `${projectLink({ projectId: projectSlug(project) })}/sessions`,
        }}
      />
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <BackLink
          to={`${projectLink({ projectId: projectSlug(project) })}/sessions`}
          label="All sessions"
        />
      </Grid>
      <Grid item xs={12}>
        <WorkloadSummaryCard
          workload={session}
          title={session.name || 'Session'}
          access={access}
          stopRole="contributor"
          onStop={async () => {
            await api.stopSession(project.id, session.id);
            retry();
          }}
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
      </Grid>
      <Grid item xs={12}>
        <SessionWorkbench project={project} session={session} />
      </Grid>
      <Grid item xs={12}>
        <Accordion>
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography>Session logs</Typography>
          </AccordionSummary>
          <AccordionDetails className={classes.logs}>
            <WorkloadLogs workload={session} title="Session logs" />
          </AccordionDetails>
        </Accordion>
      </Grid>
    </Grid>
  );
}
