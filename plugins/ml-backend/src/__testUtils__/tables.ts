/** The tables of the platform's administration: the first migration's. */
export const ADMIN_TABLES = [
  'workspaces',
  'runtimes',
  'resource_profiles',
  'quotas',
  'projects',
  'project_collaborators',
];

/** The tables of the engine's nodes and work: the workloads migration's. */
export const ENGINE_TABLES = [
  'workspace_nodes',
  'jobs',
  'workloads',
  'workload_events',
];

/** The tables of a model and what it has: the models migration's. */
export const MODEL_TABLES = [
  'models',
  'model_builds',
  'model_deployments',
  'model_replicas',
  'model_access_keys',
];
