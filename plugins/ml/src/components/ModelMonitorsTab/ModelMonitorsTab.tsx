import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { mlProjectChannel, Project } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { ModelState } from '../ModelPage/modelState';
import { ModelEventsTimeline } from './ModelEventsTimeline';
import { MonitorsCard } from './MonitorsCard';
import { PromotionPolicyCard } from './PromotionPolicyCard';

/** @public */
export interface ModelMonitorsTabProps {
  project: Project;
  state: ModelState;
}

/** How many of the model's latest events the history shows. */
const EVENTS_SHOWN = 50;

/** Without signals: monitors are evaluated once per window, not by the second. */
const REFRESH_MS = 10_000;

/**
 * The model's monitors, its promotion policy and its history. Monitors
 * change state on the scheduler: both lists stay fresh on the project's
 * signals, with a slow poll in case one is lost.
 */
export function ModelMonitorsTab(props: ModelMonitorsTabProps) {
  const { project, state } = props;
  const modelId = state.model.id;
  const api = useApi(mlApiRef);
  const access = useProjectAccess(project.id);
  const polling = {
    channel: mlProjectChannel(project.id),
    intervalMs: REFRESH_MS,
  };

  const monitors = usePolledAsync(
    () => api.listMonitors(project.id, modelId),
    [api, project.id, modelId],
    () => true,
    polling,
  );
  const events = usePolledAsync(
    async () =>
      (
        await api.listModelEvents(project.id, modelId, {
          pageSize: EVENTS_SHOWN,
        })
      ).items,
    [api, project.id, modelId],
    () => true,
    polling,
  );
  const settings = useAsync(
    () => api.getMonitoringSettings(project.id, modelId),
    [api, project.id, modelId],
  );
  const jobs = useAsync(() => api.listJobs(project.id), [api, project.id]);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <MonitorsCard
          project={project}
          modelId={modelId}
          access={access}
          monitors={monitors}
          settings={settings.value}
          jobs={jobs.value ?? []}
          reload={() => {
            monitors.retry();
            events.retry();
          }}
        />
      </Grid>
      <Grid item xs={12} md={5}>
        <PromotionPolicyCard
          project={project}
          modelId={modelId}
          access={access}
        />
      </Grid>
      <Grid item xs={12} md={7}>
        <ModelEventsTimeline
          project={project}
          modelId={modelId}
          events={events}
        />
      </Grid>
    </Grid>
  );
}
