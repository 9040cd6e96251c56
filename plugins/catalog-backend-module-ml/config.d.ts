import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The ML platform's entity provider
       * (`@ml-platform/plugin-catalog-backend-module-ml`).
       */
      ml?: {
        /**
         * How often the provider reads all workspaces and projects from the
         * ML backend and replaces its entities. Default: every 30 seconds,
         * timeout 3 minutes, first run 10 seconds after start.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
