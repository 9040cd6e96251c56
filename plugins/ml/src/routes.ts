import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** @public */
export const rootRouteRef = createRouteRef({ id: 'ml' });

/** A page below the plugin's root; `id` is prefixed with `ml/`. */
function mlSubRouteRef<Path extends string>(id: string, path: Path) {
  return createSubRouteRef({ id: `ml/${id}`, parent: rootRouteRef, path });
}

/** @public */
export const workspaceRouteRef = mlSubRouteRef(
  'workspace',
  '/workspaces/:workspace',
);

/**
 * A project's pages. The plugin's own links fill `projectId` with
 * `<name>-<id>` so that URLs say which project they show; a bare id works
 * too.
 *
 * @public
 */
export const projectRouteRef = mlSubRouteRef('project', '/projects/:projectId');

/** @public */
export const sessionRouteRef = mlSubRouteRef(
  'session',
  '/projects/:projectId/sessions/:sessionId',
);

/** @public */
export const jobRouteRef = mlSubRouteRef(
  'job',
  '/projects/:projectId/jobs/:jobId',
);

/**
 * One run of a job. Notifications about runs link here with the bare
 * project id.
 *
 * @public
 */
export const jobRunRouteRef = mlSubRouteRef(
  'job-run',
  '/projects/:projectId/jobs/:jobId/runs/:runId',
);

/** A model with its builds, deployments, test panel, monitoring and keys. */
export const modelRouteRef = mlSubRouteRef(
  'model',
  '/projects/:projectId/models/:modelId',
);

/**
 * One MLflow run of a project's experiments.
 *
 * @public
 */
export const experimentRunRouteRef = mlSubRouteRef(
  'experiment-run',
  '/projects/:projectId/experiments/runs/:runId',
);

/**
 * Runs side by side; the page reads them from `?runs=<id>,<id>`.
 *
 * @public
 */
export const experimentCompareRouteRef = mlSubRouteRef(
  'experiment-compare',
  '/projects/:projectId/experiments/compare',
);

/**
 * One registered model of the project's model registry, with its versions.
 *
 * @public
 */
export const registeredModelRouteRef = mlSubRouteRef(
  'registered-model',
  '/projects/:projectId/registry/:modelName',
);

/** The routes both plugin definitions (legacy and new system) provide. */
export const mlRouteRefs = {
  root: rootRouteRef,
  workspace: workspaceRouteRef,
  project: projectRouteRef,
  session: sessionRouteRef,
  job: jobRouteRef,
  jobRun: jobRunRouteRef,
  model: modelRouteRef,
  experimentRun: experimentRunRouteRef,
  experimentCompare: experimentCompareRouteRef,
  registeredModel: registeredModelRouteRef,
};
