import { useState } from 'react';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { Job, mlProjectChannel, Project } from '@ml-platform/plugin-ml-common';
import { useNavigate } from 'react-router-dom';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { describeTrigger } from '../../lib/jobs';
import { projectSlug } from '../../lib/projectSlug';
import {
  formatTime,
  isActiveState,
  workloadDuration,
} from '../../lib/workloads';
import { jobRouteRef } from '../../routes';
import { JobDependencyGraph } from '../JobDependencyGraph';
import { JobFormDialog } from '../JobFormDialog';
import { NewItemButton } from '../NewItemButton';
import { WorkloadStatus } from '../WorkloadStatus';
import { DenseTable } from '../tables/DenseTable';

/** @public */
export interface JobsListProps {
  project: Project;
}

/** A project's jobs, how they depend on each other, and "New job". */
export function JobsList(props: JobsListProps) {
  const { project } = props;
  const api = useApi(mlApiRef);
  const navigate = useNavigate();
  const jobLink = useRouteRef(jobRouteRef);
  const access = useProjectAccess(project.id);
  const [creating, setCreating] = useState(false);
  const {
    value: jobs,
    loading,
    error,
  } = usePolledAsync(
    () => api.listJobs(project.id),
    [api, project.id],
    items => items.some(j => j.lastRun && isActiveState(j.lastRun.state)),
    { channel: mlProjectChannel(project.id) },
  );
  const linkTo = (job: Job) =>
    jobLink({ projectId: projectSlug(project), jobId: job.id });

  const all = jobs ?? [];
  const columns: TableColumn<Job>[] = [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: j => <Link to={linkTo(j)}>{j.name}</Link>,
    },
    { title: 'Script', field: 'script' },
    { title: 'Trigger', render: j => describeTrigger(j, all) },
    {
      title: 'Enabled',
      field: 'enabled',
      render: j => (j.enabled ? 'Yes' : 'No'),
    },
    {
      title: 'Last run',
      render: j =>
        j.lastRun ? (
          <WorkloadStatus
            state={j.lastRun.state}
            detail={workloadDuration(j.lastRun)}
          />
        ) : (
          'Never'
        ),
    },
    {
      title: 'Next run',
      render: j =>
        j.enabled && j.nextRuns?.[0] ? formatTime(j.nextRuns[0]) : '—',
    },
  ];

  let body;
  if (loading && !jobs) {
    body = <Progress />;
  } else if (error && !jobs) {
    body = <ResponseErrorPanel error={error} />;
  } else {
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <DenseTable<Job>
            title="Jobs"
            columns={columns}
            data={all}
            emptyContent="No jobs yet. A job runs a script of the project, by hand, on a schedule or after another job."
          />
        </Grid>
        {all.length > 0 && (
          <Grid item xs={12}>
            <InfoCard
              title="Dependencies"
              subheader="Each arrow points from a job to the jobs that run after it succeeds"
            >
              <JobDependencyGraph
                jobs={all}
                onSelect={job => navigate(linkTo(job))}
              />
            </InfoCard>
          </Grid>
        )}
      </Grid>
    );
  }

  return (
    <>
      <NewItemButton
        label="New job"
        onClick={() => setCreating(true)}
        requires={{ access, role: 'contributor' }}
      />
      {body}
      <JobFormDialog
        open={creating && access.canWrite}
        project={project}
        jobs={all}
        onClose={() => setCreating(false)}
        onSaved={job => {
          setCreating(false);
          navigate(linkTo(job));
        }}
      />
    </>
  );
}
