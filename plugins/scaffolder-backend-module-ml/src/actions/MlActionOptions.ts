import { MlService } from '@ml-platform/plugin-ml-node';

/** What every ML template action is made with. */
export interface MlActionOptions {
  ml: MlService;
  /** How often the actions that wait poll the ML API (default 1 s). */
  pollIntervalMs?: number;
}
