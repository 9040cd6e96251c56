import { Project } from '@ml-platform/plugin-ml-common';
import { Route, Routes, useParams } from 'react-router-dom';
import { JobPage } from '../JobPage';
import { JobRunPage } from '../JobRunPage';
import { JobsList } from '../JobsList';

/** @public */
export interface ProjectJobsTabProps {
  project: Project;
}

function JobRoute(props: ProjectJobsTabProps) {
  const { jobId = '' } = useParams();
  return <JobPage key={jobId} project={props.project} jobId={jobId} />;
}

function RunRoute(props: ProjectJobsTabProps) {
  const { jobId = '', runId = '' } = useParams();
  return (
    <JobRunPage
      key={runId}
      project={props.project}
      jobId={jobId}
      runId={runId}
    />
  );
}

/**
 * The Jobs tab: the list and graph, a job at `jobs/:jobId` and a run at
 * `jobs/:jobId/runs/:runId` (see `jobRunRouteRef`).
 */
export function ProjectJobsTab(props: ProjectJobsTabProps) {
  const { project } = props;
  return (
    <Routes>
      <Route path="/" element={<JobsList project={project} />} />
      <Route path=":jobId" element={<JobRoute project={project} />} />
      <Route
        path=":jobId/runs/:runId"
        element={<RunRoute project={project} />}
      />
    </Routes>
  );
}
