import { useState } from 'react';
import {
  InfoCard,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import EditIcon from '@material-ui/icons/Edit';
import {
  mlProjectChannel,
  Project,
  Workload,
} from '@ml-platform/plugin-ml-common';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { useRuntimes } from '../../hooks/useRuntimes';
import { joinArgs } from '../../lib/args';
import { describeError } from '../../lib/errors';
import { describeTrigger } from '../../lib/jobs';
import { projectSlug } from '../../lib/projectSlug';
import { formatInZone, isActiveState } from '../../lib/workloads';
import { jobRunRouteRef, projectRouteRef } from '../../routes';
import { AsyncFallback } from '../AsyncFallback';
import { BackLink } from '../BackLink';
import { ErrorAlert } from '../ErrorAlert';
import { DeleteAction, GatedButton, RunButton } from '../GatedButton';
import { JobFormDialog } from '../JobFormDialog';
import { JobRunsTable } from '../JobRunsTable';

/** @public */
export interface JobPageProps {
  project: Project;
  jobId: string;
}

/**
 * One job: what it runs and when, "Run now" (operators), edit and delete
 * (contributors), and its runs.
 */
export function JobPage(props: JobPageProps) {
  const { project, jobId } = props;
  const api = useApi(mlApiRef);
  const navigate = useNavigate();
  const projectLink = useRouteRef(projectRouteRef);
  const runLink = useRouteRef(jobRunRouteRef);
  const runtimes = useRuntimes();
  const access = useProjectAccess(project.id);
  const [editing, setEditing] = useState(false);
  const [starting, setStarting] = useState(false);
  const [runError, setRunError] = useState<string>();

  const runs = usePolledAsync(
    () => api.listJobRuns(project.id, jobId, { pageSize: 50 }),
    [api, project.id, jobId],
    page => page.items.some(r => isActiveState(r.state)),
    { channel: mlProjectChannel(project.id) },
  );
  // The job's lastRun follows the runs; reload it when they change state.
  const runStates = (runs.value?.items ?? []).map(r => r.state).join();
  const loaded = useAsyncRetry(
    () => api.getJob(project.id, jobId),
    [api, project.id, jobId, runStates],
  );
  // Parents and children are named by the other jobs of the project.
  const siblings = useAsyncRetry(
    () => api.listJobs(project.id),
    [api, project.id],
  );
  const job = loaded.value;

  const slug = projectSlug(project);
  const linkTo = (run: Workload) =>
    runLink({ projectId: slug, jobId, runId: run.id });

  if (!job) {
    return (
      <AsyncFallback
        loading={loaded.loading}
        error={loaded.error}
        notFound="Job not found"
        back={{
          label: 'Back to the jobs',
          to: `${projectLink({ projectId: projectSlug(project) })}/jobs`,
        }}
      />
    );
  }

  const runNow = async () => {
    setStarting(true);
    setRunError(undefined);
    try {
      const run = await api.runJob(project.id, job.id);
      navigate(linkTo(run));
    } catch (e) {
      // 409 while a run is active: the message says which.
      setRunError(describeError(e));
      setStarting(false);
    }
  };

  const jobs = siblings.value ?? [];
  const children = jobs.filter(j => j.parentJobId === job.id);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <BackLink
          to={`${projectLink({ projectId: slug })}/jobs`}
          label="All jobs"
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={`Job ${job.name}`}
          action={
            <Box display="flex">
              <RunButton
                requires={{ access, role: 'operator' }}
                onClick={runNow}
                disabled={starting}
              >
                Run now
              </RunButton>
              <Box marginLeft={1}>
                <GatedButton
                  requires={{ access, role: 'contributor' }}
                  startIcon={<EditIcon />}
                  onClick={() => setEditing(true)}
                >
                  Edit
                </GatedButton>
              </Box>
              <DeleteAction
                requires={{ access, role: 'contributor' }}
                question={`Delete job ${job.name}?`}
                consequences={`Active runs are stopped.${
                  children.length > 0
                    ? ` The jobs that run after it (${children
                        .map(c => c.name)
                        .join(', ')}) become manual jobs.`
                    : ''
                }`}
                onDelete={async () => {
                  await api.deleteJob(project.id, job.id);
                  navigate(`${projectLink({ projectId: slug })}/jobs`);
                }}
              />
            </Box>
          }
        >
          <ErrorAlert message={runError} />
          <StructuredMetadataTable
            dense
            metadata={{
              script: job.script,
              arguments: job.args.length ? joinArgs(job.args) : '—',
              trigger: describeTrigger(job, jobs),
              'next runs':
                job.enabled && job.nextRuns?.length
                  ? job.nextRuns
                      .map(t => formatInZone(t, job.timezone))
                      .join('; ')
                  : '—',
              enabled: job.enabled ? 'yes' : 'no',
              runtime: runtimes.label(job.runtimeId),
              profile: job.profile,
              timeout: job.timeoutSeconds ? `${job.timeoutSeconds} s` : 'none',
              retries: `${job.maxRetries} (backoff ${job.retryBackoffSeconds} s)`,
              'runs after it': children.map(c => c.name).join(', ') || '—',
              environment:
                Object.keys(job.env).length > 0
                  ? Object.keys(job.env).join(', ')
                  : '—',
              'created by': job.createdBy,
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        {runs.error && !runs.value ? (
          <ResponseErrorPanel error={runs.error} />
        ) : (
          <JobRunsTable runs={runs.value?.items ?? []} linkTo={linkTo} />
        )}
      </Grid>
      <JobFormDialog
        open={editing && access.canWrite}
        project={project}
        job={job}
        jobs={jobs}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          loaded.retry();
          siblings.retry();
        }}
      />
    </Grid>
  );
}
