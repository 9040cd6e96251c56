import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import { Project } from '@ml-platform/plugin-ml-common';
import { ReactNode } from 'react';
import { projectSlug } from '../../lib/projectSlug';
import { plural } from '../../lib/text';
import { isActiveState } from '../../lib/workloads';
import { projectRouteRef } from '../../routes';
import { DeploymentStatus } from '../ModelStatus';
import { WorkloadStatus } from '../WorkloadStatus';
import { ProjectSummary } from './projectSummary';

interface ContentsLine {
  tab: string;
  title: string;
  counts: string;
  /** The state of the newest item, where there is one. */
  latest?: ReactNode;
}

function newest<T>(items: T[], at: (item: T) => string): T | undefined {
  return [...items].sort((a, b) => at(b).localeCompare(at(a)))[0];
}

function contentsLines(summary: ProjectSummary): ContentsLine[] {
  const { sessions, jobs, models, applications } = summary;
  const session = newest(sessions, s => s.queuedAt);
  const run = newest(
    jobs.flatMap(j => (j.lastRun ? [j.lastRun] : [])),
    r => r.startedAt ?? '',
  );
  const deployment = newest(
    models.flatMap(m => m.deployments),
    d => d.createdAt,
  );
  const deployed = models.filter(m => m.model.activeDeploymentId).length;
  const runningJobs = jobs.filter(
    j => j.lastRun && isActiveState(j.lastRun.state),
  ).length;
  const runningApps = applications.filter(a => a.state === 'running').length;
  const app = newest(applications, a => a.updatedAt);
  return [
    {
      tab: 'sessions',
      title: 'Sessions',
      counts: `${
        sessions.filter(s => isActiveState(s.state)).length
      } active of ${sessions.length}`,
      latest: session && <WorkloadStatus state={session.state} />,
    },
    {
      tab: 'jobs',
      title: 'Jobs',
      counts: `${plural(jobs.length, 'job')}, ${runningJobs} running`,
      latest: run && <WorkloadStatus state={run.state} />,
    },
    {
      tab: 'models',
      title: 'Models',
      counts: `${plural(models.length, 'model')}, ${deployed} deployed`,
      latest: deployment && <DeploymentStatus state={deployment.state} />,
    },
    {
      tab: 'applications',
      title: 'Applications',
      counts: `${runningApps} running of ${applications.length}`,
      latest: app && <WorkloadStatus state={app.state} />,
    },
  ];
}

/** How many sessions, jobs, models and apps the project has, and how the newest of each is doing. */
export function ProjectContentsCard(props: {
  project: Project;
  summary: ProjectSummary;
}) {
  const { project, summary } = props;
  const projectLink = useRouteRef(projectRouteRef);
  const base = projectLink({ projectId: projectSlug(project) });
  return (
    <InfoCard title="In this project">
      <List dense disablePadding>
        {contentsLines(summary).map(line => (
          <ListItem key={line.tab} divider>
            <ListItemText
              primary={<Link to={`${base}/${line.tab}`}>{line.title}</Link>}
              secondary={line.counts}
            />
            {line.latest && (
              <ListItemSecondaryAction>{line.latest}</ListItemSecondaryAction>
            )}
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
