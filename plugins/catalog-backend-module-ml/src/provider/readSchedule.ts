import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/**
 * Every 30 seconds: the safety net behind the change events (and what
 * catches state the engine changes, such as a build that finished); a read
 * is a few list requests per project.
 */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { seconds: 30 },
  timeout: { minutes: 3 },
  // The ML backend answers once the backend is listening; the provider
  // connects before that.
  initialDelay: { seconds: 10 },
};

/** Owner of the runtime Resources unless `catalog.providers.ml.runtimeOwner` says otherwise. */
export const DEFAULT_RUNTIME_OWNER = 'group:default/ml-platform-admins';

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

/** The provider's settings under `catalog.providers.ml`. */
export function readProviderConfig(config: Config): {
  schedule: SchedulerServiceTaskScheduleDefinition;
  runtimeOwner: string;
} {
  return {
    schedule: readSchedule(config),
    runtimeOwner:
      config.getOptionalString('catalog.providers.ml.runtimeOwner') ??
      DEFAULT_RUNTIME_OWNER,
  };
}
