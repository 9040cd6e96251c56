import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { Project } from '@ml-platform/plugin-ml-common';
import { DateTime } from 'luxon';
import { ReactNode } from 'react';
import { projectSlug } from '../../lib/projectSlug';
import { jobRunRouteRef, modelRouteRef, sessionRouteRef } from '../../routes';
import { BuildStatus, DeploymentStatus } from '../ModelStatus';
import { WorkloadStatus } from '../WorkloadStatus';
import { ProjectActivity } from './projectSummary';

interface ActivityView {
  key: string;
  title: string;
  to: string;
  status: ReactNode;
}

function useActivityView(project: Project) {
  const sessionLink = useRouteRef(sessionRouteRef);
  const runLink = useRouteRef(jobRunRouteRef);
  const modelLink = useRouteRef(modelRouteRef);
  const projectId = projectSlug(project);
  return (activity: ProjectActivity): ActivityView => {
    switch (activity.kind) {
      case 'session':
        return {
          key: activity.session.id,
          title: activity.session.name ?? activity.session.id.slice(0, 8),
          to: sessionLink({ projectId, sessionId: activity.session.id }),
          status: <WorkloadStatus state={activity.session.state} />,
        };
      case 'job run':
        return {
          key: activity.run.id,
          title: activity.job.name,
          to: runLink({
            projectId,
            jobId: activity.job.id,
            runId: activity.run.id,
          }),
          status: <WorkloadStatus state={activity.run.state} />,
        };
      case 'build':
        return {
          key: activity.build.id,
          title: `${activity.model.name} build ${activity.build.number}`,
          to: `${modelLink({ projectId, modelId: activity.model.id })}/builds`,
          status: <BuildStatus state={activity.build.state} />,
        };
      default:
        return {
          key: activity.deployment.id,
          title: `${activity.model.name} build ${activity.deployment.buildNumber}`,
          to: `${modelLink({
            projectId,
            modelId: activity.model.id,
          })}/deployments`,
          status: <DeploymentStatus state={activity.deployment.state} />,
        };
    }
  };
}

/** The project's latest sessions, job runs, builds and deployments. */
export function ProjectActivityCard(props: {
  project: Project;
  activity: ProjectActivity[];
}) {
  const { project, activity } = props;
  const view = useActivityView(project);
  return (
    <InfoCard title="Recent activity">
      {activity.length === 0 ? (
        <Typography color="textSecondary">
          Nothing has run yet: start a session or run a job.
        </Typography>
      ) : (
        <List dense disablePadding>
          {activity.map(a => {
            const line = view(a);
            return (
              <ListItem key={`${a.kind}-${line.key}`} divider>
                <ListItemText
                  primary={
                    <>
                      <Link to={line.to}>{line.title}</Link>{' '}
                      <Typography
                        component="span"
                        variant="body2"
                        color="textSecondary"
                      >
                        {a.kind}, {DateTime.fromISO(a.at).toRelative()}
                      </Typography>
                    </>
                  }
                  secondary={line.status}
                  secondaryTypographyProps={{ component: 'div' }}
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </InfoCard>
  );
}
