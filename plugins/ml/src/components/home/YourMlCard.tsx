import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { projectSlug } from '../../lib/projectSlug';
import { plural } from '../../lib/text';
import { modelRouteRef, projectRouteRef, rootRouteRef } from '../../routes';
import { isActive, ProjectWork } from './recentWork';
import { useRecentWork } from './useRecentWork';

function ProjectLine(props: { work: ProjectWork }) {
  const { project, sessions, jobs, models } = props.work;
  const projectLink = useRouteRef(projectRouteRef);
  const modelLink = useRouteRef(modelRouteRef);
  const projectId = projectSlug(project);
  const activeSessions = sessions.filter(s => isActive(s.state)).length;
  const runningJobs = jobs.filter(
    j => j.lastRun && isActive(j.lastRun.state),
  ).length;
  const deployed = models.filter(m => m.activeDeploymentId);
  return (
    <ListItem divider>
      <ListItemText
        primary={
          <Link to={projectLink({ projectId })}>
            {project.title || project.name}
          </Link>
        }
        secondary={
          <>
            {plural(activeSessions, 'active session')} ·{' '}
            {plural(runningJobs, 'running job')} ·{' '}
            {plural(deployed.length, 'deployed model')}
            {deployed.map(model => (
              <Box component="span" key={model.id} ml={1}>
                <Link to={modelLink({ projectId, modelId: model.id })}>
                  {model.name}
                </Link>
              </Box>
            ))}
          </>
        }
      />
    </ListItem>
  );
}

/**
 * "Your ML": the caller's recently changed projects with their active
 * sessions, running jobs and deployed models.
 */
export function YourMlCard() {
  const { value, loading, error } = useRecentWork();
  const mlLink = useRouteRef(rootRouteRef);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.length) {
    return (
      <EmptyState
        missing="content"
        title="No ML project yet"
        description="Create a project from a template, or from the ML page."
        action={
          <Button variant="contained" color="primary" href={mlLink()}>
            Open ML
          </Button>
        }
      />
    );
  }
  return (
    <>
      <List dense disablePadding>
        {value.map(work => (
          <ProjectLine key={work.project.id} work={work} />
        ))}
      </List>
      <Box mt={1}>
        <Typography variant="body2">
          <Link to={mlLink()}>All projects</Link>
        </Typography>
      </Box>
    </>
  );
}
