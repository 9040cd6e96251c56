import { Project } from '@ml-platform/plugin-ml-common';
import { Route, Routes, useParams } from 'react-router-dom';
import { SessionPage } from '../SessionPage';
import { SessionsList } from '../SessionsList';

/** @public */
export interface ProjectSessionsTabProps {
  project: Project;
}

function SessionRoute(props: ProjectSessionsTabProps) {
  const { sessionId = '' } = useParams();
  // Keyed so that another session starts with an empty console.
  return (
    <SessionPage
      key={sessionId}
      project={props.project}
      sessionId={sessionId}
    />
  );
}

/** The Sessions tab: the list, and one session at `sessions/:sessionId`. */
export function ProjectSessionsTab(props: ProjectSessionsTabProps) {
  return (
    <Routes>
      <Route path="/" element={<SessionsList project={props.project} />} />
      <Route
        path=":sessionId"
        element={<SessionRoute project={props.project} />}
      />
    </Routes>
  );
}
