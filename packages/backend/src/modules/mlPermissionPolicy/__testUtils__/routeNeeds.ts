import { CollaboratorRole, roleAtLeast } from '@ml-platform/plugin-ml-common';

/**
 * What a route of the ML API needs of its caller, as the access-matrix test
 * checks it.
 *
 * - `public`: nothing (the OpenAPI document).
 * - `user`: any signed-in user (workspace-wide reads, creating a project).
 * - `workspaceAdmin`, `runtimeAdmin`: `ml.workspace.manage`,
 *   `ml.runtime.manage`.
 * - `{ project }`: that role on the path's project.
 * - `{ workload }`: read, or the role that stopping that kind of workload
 *   needs (a job run: operate), on the workload's project.
 * - `accessKey`, `workloadToken`: a model access key or a workload token;
 *   no Backstage identity is enough.
 */
export type RouteNeed =
  | 'public'
  | 'user'
  | 'workspaceAdmin'
  | 'runtimeAdmin'
  | 'accessKey'
  | 'workloadToken'
  | { project: CollaboratorRole }
  | { workload: CollaboratorRole };

const read = { project: 'viewer' } as const;
const operate = { project: 'operator' } as const;
const write = { project: 'contributor' } as const;
const admin = { project: 'admin' } as const;

/**
 * Every route of the ML API (`METHOD /path` as in its OpenAPI document) with
 * what it needs. A route that is not here fails the access-matrix test.
 */
export const ML_ROUTE_NEEDS: Record<string, RouteNeed> = {
  'GET /openapi.json': 'public',
  'GET /openapi.yaml': 'public',

  'GET /workspaces': 'user',
  'POST /workspaces': 'workspaceAdmin',
  'GET /workspaces/{workspace}': 'user',
  'PATCH /workspaces/{workspace}': 'workspaceAdmin',
  'DELETE /workspaces/{workspace}': 'workspaceAdmin',
  'GET /workspaces/{workspace}/capacity': 'user',
  'GET /workspaces/{workspace}/profiles': 'user',
  'POST /workspaces/{workspace}/profiles': 'workspaceAdmin',
  'GET /workspaces/{workspace}/profiles/{profile}': 'user',
  'PATCH /workspaces/{workspace}/profiles/{profile}': 'workspaceAdmin',
  'DELETE /workspaces/{workspace}/profiles/{profile}': 'workspaceAdmin',
  'GET /workspaces/{workspace}/quotas': 'user',
  'POST /workspaces/{workspace}/quotas': 'workspaceAdmin',
  'PATCH /workspaces/{workspace}/quotas/{quotaId}': 'workspaceAdmin',
  'DELETE /workspaces/{workspace}/quotas/{quotaId}': 'workspaceAdmin',
  // Lists only the work of projects the caller may read.
  'GET /workspaces/{workspace}/queue': 'user',

  'GET /runtimes': 'user',
  'POST /runtimes': 'runtimeAdmin',
  'GET /runtimes/{runtimeId}': 'user',
  'PATCH /runtimes/{runtimeId}': 'runtimeAdmin',
  'DELETE /runtimes/{runtimeId}': 'runtimeAdmin',

  'GET /cron/next': 'user',
  'GET /applications/settings': 'user',

  // Lists only the projects the caller may read; the owner must be theirs.
  'GET /projects': 'user',
  'POST /projects': 'user',
  'GET /projects/{projectId}': read,
  'PATCH /projects/{projectId}': admin,
  'DELETE /projects/{projectId}': admin,
  'GET /projects/{projectId}/collaborators': read,
  'PUT /projects/{projectId}/collaborators/{subject}': admin,
  'DELETE /projects/{projectId}/collaborators/{subject}': admin,
  'GET /projects/{projectId}/quota': read,

  'GET /projects/{projectId}/files': read,
  'GET /projects/{projectId}/files/content': read,
  'GET /projects/{projectId}/files/archive': read,
  'PUT /projects/{projectId}/files/content': write,
  'POST /projects/{projectId}/files/directories': write,
  'POST /projects/{projectId}/files/rename': write,
  'DELETE /projects/{projectId}/files': write,

  'GET /projects/{projectId}/sessions': read,
  'GET /projects/{projectId}/sessions/{sessionId}': read,
  'GET /projects/{projectId}/sessions/{sessionId}/transcript': read,
  'POST /projects/{projectId}/sessions': write,
  'POST /projects/{projectId}/sessions/{sessionId}/execute': write,
  'POST /projects/{projectId}/sessions/{sessionId}/stop': write,

  'GET /projects/{projectId}/jobs': read,
  'GET /projects/{projectId}/jobs/{jobId}': read,
  'GET /projects/{projectId}/jobs/{jobId}/runs': read,
  'POST /projects/{projectId}/jobs': write,
  'PATCH /projects/{projectId}/jobs/{jobId}': write,
  'DELETE /projects/{projectId}/jobs/{jobId}': write,
  'POST /projects/{projectId}/jobs/{jobId}/runs': operate,

  'GET /workloads/{workloadId}': { workload: 'viewer' },
  'GET /workloads/{workloadId}/events': { workload: 'viewer' },
  'GET /workloads/{workloadId}/logs': { workload: 'viewer' },
  // The matrix's workload is a job run: operators stop those.
  'POST /workloads/{workloadId}/stop': { workload: 'operator' },

  'GET /projects/{projectId}/applications': read,
  'GET /projects/{projectId}/applications/{appId}': read,
  'POST /projects/{projectId}/applications': write,
  'PATCH /projects/{projectId}/applications/{appId}': write,
  'DELETE /projects/{projectId}/applications/{appId}': write,
  'POST /projects/{projectId}/applications/{appId}/start': operate,
  'POST /projects/{projectId}/applications/{appId}/stop': operate,
  'POST /projects/{projectId}/applications/{appId}/restart': operate,

  'GET /projects/{projectId}/models': read,
  'GET /projects/{projectId}/models/{modelId}': read,
  'POST /projects/{projectId}/models': write,
  'PATCH /projects/{projectId}/models/{modelId}': write,
  'DELETE /projects/{projectId}/models/{modelId}': write,
  'GET /projects/{projectId}/models/{modelId}/builds': read,
  'GET /projects/{projectId}/models/{modelId}/builds/{buildId}': read,
  'POST /projects/{projectId}/models/{modelId}/builds': write,
  'GET /projects/{projectId}/models/{modelId}/deployments': read,
  'GET /projects/{projectId}/models/{modelId}/deployments/{deploymentId}': read,
  'POST /projects/{projectId}/models/{modelId}/deployments': operate,
  'PATCH /projects/{projectId}/models/{modelId}/deployments/{deploymentId}':
    operate,
  'POST /projects/{projectId}/models/{modelId}/deployments/{deploymentId}/stop':
    operate,
  'GET /projects/{projectId}/models/{modelId}/keys': write,
  'POST /projects/{projectId}/models/{modelId}/keys': write,
  'DELETE /projects/{projectId}/models/{modelId}/keys/{keyId}': write,
  'GET /projects/{projectId}/models/{modelId}/lineage': read,
  'GET /projects/{projectId}/models/{modelId}/predictions': read,
  'GET /projects/{projectId}/models/{modelId}/metrics': read,
  'GET /projects/{projectId}/models/{modelId}/monitoring-settings': read,
  'PUT /projects/{projectId}/models/{modelId}/monitoring-settings': write,
  'GET /projects/{projectId}/models/{modelId}/quality': read,
  'GET /projects/{projectId}/models/{modelId}/drift': read,
  'POST /projects/{projectId}/models/{modelId}/drift-baseline': write,
  'GET /projects/{projectId}/models/{modelId}/monitors': read,
  'POST /projects/{projectId}/models/{modelId}/monitors': write,
  'GET /projects/{projectId}/models/{modelId}/monitors/{monitorId}': read,
  'PATCH /projects/{projectId}/models/{modelId}/monitors/{monitorId}': write,
  'DELETE /projects/{projectId}/models/{modelId}/monitors/{monitorId}': write,
  'GET /projects/{projectId}/models/{modelId}/monitors/{monitorId}/evaluations':
    read,
  'GET /projects/{projectId}/models/{modelId}/promotion-policy': read,
  // Which candidate replaces the live deployment: as deploying it would.
  'PUT /projects/{projectId}/models/{modelId}/promotion-policy': operate,
  'DELETE /projects/{projectId}/models/{modelId}/promotion-policy': operate,
  'GET /projects/{projectId}/models/{modelId}/events': read,
  // With a portal token (the Test panel); an access key works for anyone.
  'POST /projects/{projectId}/models/{modelId}/predict': read,
  'POST /model': 'accessKey',

  'GET /workload-api/v1/snapshot': 'workloadToken',
  'GET /workload-api/v1/metrics': 'workloadToken',
  'POST /workload-api/v1/metrics': 'workloadToken',
  'POST /workload-api/v1/delayed-metrics': 'workloadToken',
  'POST /workload-api/v1/aggregate-metrics': 'workloadToken',
};

/** A caller of the matrix: signed in or not, with a role on its project. */
export interface MatrixCaller {
  name: string;
  /** Absent: no credentials at all. */
  userRef?: string;
  /** Their role on the matrix's project (absent: none). */
  role?: CollaboratorRole;
  workspaceAdmin?: boolean;
}

/** What a caller must get from a route: through, or the refusal's status. */
export type Expected = 'allowed' | 401 | 403 | 404;

export function expectedFor(need: RouteNeed, caller: MatrixCaller): Expected {
  if (need === 'public') return 'allowed';
  if (!caller.userRef) return 401;
  if (need === 'accessKey' || need === 'workloadToken') return 401;
  if (need === 'user') return 'allowed';
  if (need === 'workspaceAdmin' || need === 'runtimeAdmin') {
    return caller.workspaceAdmin ? 'allowed' : 403;
  }
  const needed = 'project' in need ? need.project : need.workload;
  if (caller.workspaceAdmin) return 'allowed';
  if (!caller.role) return 404;
  return roleAtLeast(caller.role, needed) ? 'allowed' : 403;
}
