import { ReactNode } from 'react';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  ModelEvent,
  ModelEventKind,
  Project,
} from '@ml-platform/plugin-ml-common';
import { projectSlug } from '../../lib/projectSlug';
import { formatTime } from '../../lib/workloads';
import { jobRunRouteRef, modelRouteRef } from '../../routes';
import { StatusChip, StatusLook } from '../StatusChip';

export interface ModelEventsTimelineProps {
  project: Project;
  modelId: string;
  events: { value?: ModelEvent[]; loading: boolean; error?: Error };
}

const EVENT_LOOKS: Record<ModelEventKind, StatusLook> = {
  monitor_alerting: { label: 'Alerting', kind: 'error' },
  monitor_ok: { label: 'OK again', kind: 'ok' },
  monitor_insufficient_data: { label: 'Insufficient data', kind: 'aborted' },
  retrain_started: { label: 'Retraining', kind: 'running' },
  candidate_promoted: { label: 'Promoted', kind: 'ok' },
  candidate_refused: { label: 'Refused', kind: 'aborted' },
  candidate_failed: { label: 'Candidate failed', kind: 'error' },
};

const idIn = (details: ModelEvent['details'], key: string) => {
  const value = details[key];
  return typeof value === 'string' && value ? value : undefined;
};

/**
 * The model's history, newest first: monitor state changes, the retrain
 * runs they started and what became of each candidate, with links to the
 * run, the build and the deployment.
 */
export function ModelEventsTimeline(props: ModelEventsTimelineProps) {
  const { project, modelId, events } = props;
  const runLink = useRouteRef(jobRunRouteRef);
  const modelLink = useRouteRef(modelRouteRef);
  const slug = projectSlug(project);
  const modelBase = modelLink({ projectId: slug, modelId });

  const linksOf = (event: ModelEvent) => {
    const links: ReactNode[] = [];
    const jobId = idIn(event.details, 'jobId');
    const runId = idIn(event.details, 'runId');
    if (jobId && runId) {
      links.push(
        <Link key="run" to={runLink({ projectId: slug, jobId, runId })}>
          Run
        </Link>,
      );
    }
    if (idIn(event.details, 'buildId')) {
      links.push(
        <Link key="build" to={`${modelBase}/builds`}>
          Build
        </Link>,
      );
    }
    if (idIn(event.details, 'deploymentId')) {
      links.push(
        <Link key="deployment" to={`${modelBase}/deployments`}>
          Deployment
        </Link>,
      );
    }
    return links;
  };

  let content;
  if (events.loading && !events.value) {
    content = <Progress />;
  } else if (!events.value) {
    content = <ResponseErrorPanel error={events.error!} />;
  } else if (events.value.length === 0) {
    content = (
      <Typography color="textSecondary">
        Nothing happened yet: monitors that change state, the runs they start
        and the candidates they offer show here.
      </Typography>
    );
  } else {
    content = (
      <List dense aria-label="Model history">
        {events.value.map(event => (
          <ListItem key={event.id} divider>
            <Box minWidth={170} marginRight={2}>
              <StatusChip look={EVENT_LOOKS[event.kind]} />
            </Box>
            <ListItemText
              primary={event.message}
              secondary={formatTime(event.at)}
            />
            <Box display="flex" style={{ gap: 8 }}>
              {linksOf(event)}
            </Box>
          </ListItem>
        ))}
      </List>
    );
  }
  return <InfoCard title="History">{content}</InfoCard>;
}
