import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { mlProjectChannel, Project } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { useNow } from '../../hooks/useNow';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { useRuntimes } from '../../hooks/useRuntimes';
import { joinArgs } from '../../lib/args';
import { projectSlug } from '../../lib/projectSlug';
import {
  describeResources,
  formatTime,
  isActiveState,
  workloadDuration,
} from '../../lib/workloads';
import { jobRouteRef } from '../../routes';
import { AsyncFallback } from '../AsyncFallback';
import { BackLink } from '../BackLink';
import { ExperimentRunsCard } from './ExperimentRunsCard';
import { WorkloadEventsTable } from '../WorkloadEventsTable';
import { WorkloadLogs } from '../WorkloadLogs';
import { WorkloadStatus } from '../WorkloadStatus';
import { WorkloadSummaryCard } from '../WorkloadSummaryCard';

/** @public */
export interface JobRunPageProps {
  project: Project;
  jobId: string;
  runId: string;
}

/**
 * One run of a job: its state and why, its logs (live while it runs), its
 * event history, the MLflow runs it logged, and Stop for operators.
 * Notifications about runs link here.
 */
export function JobRunPage(props: JobRunPageProps) {
  const { project, jobId, runId } = props;
  const api = useApi(mlApiRef);
  const jobLink = useRouteRef(jobRouteRef);
  const runtimes = useRuntimes();
  const access = useProjectAccess(project.id);
  const run = usePolledAsync(
    () => api.getWorkload(runId),
    [api, runId],
    w => isActiveState(w.state),
    { channel: mlProjectChannel(project.id) },
  );
  const value = run.value;
  // Events change with the state (and the attempt, on retries).
  const events = useAsync(
    async () => (value ? api.listWorkloadEvents(runId) : undefined),
    [api, runId, Boolean(value), value?.state, value?.attempt, value?.reason],
  );
  const job = useAsync(
    () => api.getJob(project.id, jobId),
    [api, project.id, jobId],
  );
  const now = useNow(value?.state === 'running');

  if (!value) {
    return (
      <AsyncFallback
        loading={run.loading}
        error={run.error}
        notFound="Run not found"
        back={{
          label: 'Back to the job',
          to: jobLink({ projectId: projectSlug(project), jobId }),
        }}
      />
    );
  }

  const jobName = job.value?.name ?? value.name ?? 'job';
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <BackLink
          to={jobLink({ projectId: projectSlug(project), jobId })}
          label={`Job ${jobName}`}
        />
      </Grid>
      <Grid item xs={12} lg={5}>
        <WorkloadSummaryCard
          workload={value}
          title={`Run of ${jobName}`}
          subheader={`Queued ${formatTime(value.queuedAt)}`}
          access={access}
          stopRole="operator"
          onStop={async () => {
            await api.stopWorkload(value.id);
            run.retry();
          }}
          metadata={{
            status: (
              <WorkloadStatus
                state={value.state}
                detail={workloadDuration(value, now)}
              />
            ),
            // A queued run's reason is in the card's alert.
            ...(value.state === 'queued'
              ? {}
              : { reason: value.reason || '—' }),
            attempt: `${value.attempt} of ${value.maxAttempts}${
              value.retryAt
                ? ` (next attempt ${formatTime(value.retryAt)})`
                : ''
            }`,
            trigger: value.trigger ?? '—',
            'started by': value.requester,
            'charged to': value.chargedSubject,
            arguments: value.args.length ? joinArgs(value.args) : '—',
            runtime: runtimes.label(value.runtimeId),
            resources: `${value.profile ?? '—'} (${describeResources(
              value.resources,
            )})`,
            started: formatTime(value.startedAt),
            ended: formatTime(value.endedAt),
            'exit code': value.exitCode === undefined ? '—' : value.exitCode,
          }}
        />
      </Grid>
      <Grid item xs={12} lg={7}>
        {events.error ? (
          <ResponseErrorPanel error={events.error} />
        ) : (
          <WorkloadEventsTable events={events.value ?? []} />
        )}
      </Grid>
      <Grid item xs={12}>
        <WorkloadLogs workload={value} onEnded={run.retry} />
      </Grid>
      <ExperimentRunsCard
        projectId={project.id}
        projectSlug={projectSlug(project)}
        workloadId={value.id}
        refresh={value.state}
        now={now}
      />
    </Grid>
  );
}
