import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/**
 * Every 30 seconds, so that a new project shows up in the catalog soon; a
 * read is a few list requests to the ML backend.
 */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { seconds: 30 },
  timeout: { minutes: 3 },
  // The ML backend answers once the backend is listening; the provider
  // connects before that.
  initialDelay: { seconds: 10 },
};

/** `catalog.providers.ml.schedule`, or the default schedule. */
export function readSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const scheduleConfig = config.getOptionalConfig(
    'catalog.providers.ml.schedule',
  );
  return scheduleConfig
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
    : DEFAULT_SCHEDULE;
}
