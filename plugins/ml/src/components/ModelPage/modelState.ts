import {
  Model,
  ModelBuild,
  ModelDeployment,
} from '@ml-platform/plugin-ml-common';

/**
 * What the model page loaded, shared by its tabs so that they agree, and a
 * way for a tab to reload it after a change (a new build, a deployment).
 */
export interface ModelState {
  model: Model;
  /** Newest first. */
  builds: ModelBuild[];
  /** Newest first. */
  deployments: ModelDeployment[];
  reload: () => void;
}
