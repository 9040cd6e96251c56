import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** @public */
export const rootRouteRef = createRouteRef({ id: 'ml' });

/** @public */
export const workspaceRouteRef = createSubRouteRef({
  id: 'ml/workspace',
  parent: rootRouteRef,
  path: '/workspaces/:workspace',
});

/**
 * A project's pages. The plugin's own links fill `projectId` with
 * `<name>-<id>` so that URLs say which project they show; a bare id works
 * too.
 *
 * @public
 */
export const projectRouteRef = createSubRouteRef({
  id: 'ml/project',
  parent: rootRouteRef,
  path: '/projects/:projectId',
});

/** @public */
export const sessionRouteRef = createSubRouteRef({
  id: 'ml/session',
  parent: rootRouteRef,
  path: '/projects/:projectId/sessions/:sessionId',
});

/** @public */
export const jobRouteRef = createSubRouteRef({
  id: 'ml/job',
  parent: rootRouteRef,
  path: '/projects/:projectId/jobs/:jobId',
});

/**
 * One run of a job. Notifications about runs link here with the bare
 * project id.
 *
 * @public
 */
export const jobRunRouteRef = createSubRouteRef({
  id: 'ml/job-run',
  parent: rootRouteRef,
  path: '/projects/:projectId/jobs/:jobId/runs/:runId',
});

/** A model with its builds, deployments, test panel, monitoring and keys. */
export const modelRouteRef = createSubRouteRef({
  id: 'ml/model',
  parent: rootRouteRef,
  path: '/projects/:projectId/models/:modelId',
});

/** The routes both plugin definitions (legacy and new system) provide. */
export const mlRouteRefs = {
  root: rootRouteRef,
  workspace: workspaceRouteRef,
  project: projectRouteRef,
  session: sessionRouteRef,
  job: jobRouteRef,
  jobRun: jobRunRouteRef,
  model: modelRouteRef,
};
