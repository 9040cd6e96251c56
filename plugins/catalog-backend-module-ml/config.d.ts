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
         * How often the provider reads the whole ML platform from the ML
         * backend and replaces its entities (changes made through the ML API
         * also reach the catalog within a second, by `ml.changes` events). Default: every 30 seconds,
         * timeout 3 minutes, first run 10 seconds after start.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * The owner (an entity ref) of the `Resource` entities of type
         * `ml-runtime`; runtimes belong to no workspace. Default:
         * `group:default/ml-platform-admins`.
         */
        runtimeOwner?: string;
      };
    };
  };
}
