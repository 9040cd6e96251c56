import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { projectSlug } from '../../lib/projectSlug';
import { jobRunRouteRef, sessionRouteRef } from '../../routes';
import { WorkloadStatus } from '../WorkloadStatus';
import { recentActivity, WorkActivity } from './recentWork';
import { useRecentWork } from './useRecentWork';

const ACTIVITY_COUNT = 8;

function ActivityLine(props: { activity: WorkActivity }) {
  const { activity } = props;
  const sessionLink = useRouteRef(sessionRouteRef);
  const runLink = useRouteRef(jobRunRouteRef);
  const projectId = projectSlug(activity.project);
  const to = activity.jobId
    ? runLink({ projectId, jobId: activity.jobId, runId: activity.workloadId })
    : sessionLink({ projectId, sessionId: activity.workloadId });
  return (
    <ListItem divider>
      <ListItemText
        primary={
          <>
            <Link to={to}>{activity.name}</Link>{' '}
            <Typography component="span" variant="body2" color="textSecondary">
              {activity.kind} in {activity.project.name},{' '}
              {DateTime.fromISO(activity.at).toRelative()}
            </Typography>
          </>
        }
        secondary={<WorkloadStatus state={activity.state} />}
      />
    </ListItem>
  );
}

/** The latest sessions and job runs of the caller's recent projects. */
export function RecentActivityCard() {
  const { value, loading, error } = useRecentWork();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const activity = recentActivity(value ?? [], ACTIVITY_COUNT);
  if (activity.length === 0) {
    return (
      <Typography color="textSecondary">
        No session or job run yet in your recent projects.
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {activity.map(a => (
        <ActivityLine key={a.workloadId} activity={a} />
      ))}
    </List>
  );
}
