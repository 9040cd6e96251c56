import { AuthService } from '@backstage/backend-plugin-api';
import { MlService } from '@ml-platform/plugin-ml-node';

/** What every ML template action is made with. */
export interface MlActionOptions {
  ml: MlService;
  /** How often the actions that wait poll the ML API (default 1 s). */
  pollIntervalMs?: number;
}

/**
 * What the actions that call MLflow's API (which the ML service has no
 * calls for) need besides: tokens for the user a task runs for.
 */
export interface MlflowActionOptions extends MlActionOptions {
  auth: Pick<AuthService, 'getPluginRequestToken'>;
}
