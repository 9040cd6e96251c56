import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';
import { Project } from '@ml-platform/plugin-ml-common';
import { DateTime } from 'luxon';
import { useMlApi } from '../../hooks/useMlApi';
import { isGroupRef } from '../../lib/roles';
import { projectSlug } from '../../lib/projectSlug';
import { projectRouteRef, workspaceRouteRef } from '../../routes';
import { ProjectActivityCard } from './ProjectActivityCard';
import { ProjectContentsCard } from './ProjectContentsCard';
import { ProjectQuotaCard } from './ProjectQuotaCard';
import { ProjectReadmeCard } from './ProjectReadmeCard';
import { loadProjectSummary, projectActivity } from './projectSummary';

/** @public */
export interface ProjectOverviewProps {
  project: Project;
}

const ACTIVITY_COUNT = 8;

const useStyles = makeStyles(theme => ({
  // Cards stack in two columns of their own heights, not in shared rows.
  column: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(3),
  },
}));

function when(iso: string) {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}

function AboutCard(props: { project: Project }) {
  const { project } = props;
  const workspaceLink = useRouteRef(workspaceRouteRef);
  return (
    <InfoCard title="About">
      <StructuredMetadataTable
        metadata={{
          name: project.name,
          title: project.title,
          description: project.description || '—',
          workspace: (
            <Link to={workspaceLink({ workspace: project.workspace })}>
              {project.workspace}
            </Link>
          ),
          owner: project.owner,
          visibility: project.visibility,
          ...(isGroupRef(project.owner)
            ? { 'team role': `${project.teamRole} (members of the owner)` }
            : {}),
          'created by': project.createdBy,
          created: when(project.createdAt),
          updated: when(project.updatedAt),
        }}
      />
    </InfoCard>
  );
}

/**
 * A project at a glance, as its README tells it: what it holds and how the
 * newest of each is doing, what happened lately, and the quota it draws on.
 * Deleting it lives in Settings.
 */
export function ProjectOverview(props: ProjectOverviewProps) {
  const { project } = props;
  const classes = useStyles();
  const projectLink = useRouteRef(projectRouteRef);
  const summary = useMlApi(
    api => loadProjectSummary(api, project),
    [project.id],
  );
  const filesLink = `${projectLink({ projectId: projectSlug(project) })}/files`;

  const value = summary.value;
  let main;
  if (summary.loading) {
    main = <Progress />;
  } else if (summary.error || !value) {
    main = (
      <ResponseErrorPanel error={summary.error ?? new Error('No summary')} />
    );
  } else {
    main = (
      <>
        <ProjectReadmeCard readme={value.readme} filesLink={filesLink} />
        <ProjectActivityCard
          project={project}
          activity={projectActivity(value, ACTIVITY_COUNT)}
        />
      </>
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8} className={classes.column}>
        {main}
      </Grid>
      <Grid item xs={12} md={4} className={classes.column}>
        <AboutCard project={project} />
        {value && <ProjectContentsCard project={project} summary={value} />}
        {value && <ProjectQuotaCard quota={value.quota} />}
      </Grid>
    </Grid>
  );
}
