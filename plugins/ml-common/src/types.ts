import { EnvVars } from './env';

/**
 * Domain types as the REST API returns them. Resource amounts are shown as
 * `cpu` (vCPU, fractional), `memoryMiB` and `gpu` (whole devices).
 */

/** @public */
export type ComputeDriverName = 'local' | 'kubernetes';

/**
 * A set of identical nodes a workspace can scale between `minNodes` and
 * `maxNodes`.
 *
 * @public
 */
export interface NodeGroup {
  name: string;
  cpu: number;
  memoryMiB: number;
  gpu: number;
  minNodes: number;
  maxNodes: number;
  /** Seconds a simulated or real scale-up takes before the node is usable. */
  scaleUpDelaySeconds: number;
}

/** @public */
export interface ResourceLimits {
  cpu: number;
  memoryMiB: number;
  gpu: number;
}

/** @public */
export interface Workspace {
  name: string;
  title: string;
  description: string;
  /** Entity ref of the owning user or group. */
  owner: string;
  driver: ComputeDriverName;
  nodeGroups: NodeGroup[];
  /** Site-level environment variables, the lowest precedence (secrets masked). */
  env: EnvVars;
  /** Quota for users that have none of their own (CML: 2 vCPU / 8 GiB). */
  defaultUserQuota: ResourceLimits;
  createdAt: string;
  updatedAt: string;
  /**
   * Whether its driver can run work now (e.g. its Kubernetes cluster
   * answers); set by the workspace API, absent when the driver cannot tell.
   */
  availability?: WorkspaceAvailability;
}

/** @public */
export interface WorkspaceAvailability {
  available: boolean;
  /** Why not (e.g. the cluster's connection error). */
  message?: string;
}

/** @public */
export interface WorkspaceCapacity {
  /** What the nodes that exist now provide (min nodes until autoscaling runs). */
  current: ResourceLimits;
  /** What the workspace provides at its largest (max nodes of every group). */
  maximum: ResourceLimits;
  /** What running and starting workloads hold. */
  used: ResourceLimits;
  /** Largest single node: no workload larger than this can ever run. */
  largestNode: ResourceLimits;
}

/** @public */
export interface Runtime {
  id: string;
  editor: string;
  kernel: string;
  edition: string;
  shortVersion: string;
  maintenanceVersion: number;
  description: string;
  /** Container image, used by the Kubernetes driver. */
  image?: string;
  /** Interpreter command, used by the local-process driver. */
  command?: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export interface ResourceProfile {
  id: string;
  workspace: string;
  name: string;
  description: string;
  cpu: number;
  memoryMiB: number;
  gpu: number;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export interface Quota {
  id: string;
  workspace: string;
  /** Entity ref of the user or group this quota limits. */
  subject: string;
  cpu: number;
  memoryMiB: number;
  gpu: number;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export type ProjectVisibility = 'private' | 'team' | 'public';

/** @public */
export type CollaboratorRole = 'viewer' | 'operator' | 'contributor' | 'admin';

/** @public */
export const COLLABORATOR_ROLES: readonly CollaboratorRole[] = [
  'viewer',
  'operator',
  'contributor',
  'admin',
];

/** @public */
export interface Collaborator {
  subject: string;
  role: CollaboratorRole;
  addedAt: string;
}

/** @public */
export interface Project {
  id: string;
  workspace: string;
  name: string;
  title: string;
  description: string;
  owner: string;
  visibility: ProjectVisibility;
  /**
   * The role members of the owning group have on a group-owned project
   * (CML's team role); ignored when a user owns the project.
   */
  teamRole: CollaboratorRole;
  /** Secrets masked. */
  env: EnvVars;
  templateRef?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export interface ProjectFileEntry {
  /** Path relative to the project root, with "/" separators. */
  path: string;
  name: string;
  type: 'file' | 'directory';
  size: number;
  modifiedAt: string;
}

/**
 * One page of a list endpoint.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  total_size: number;
  /** Pass as `page_token` to get the next page; absent on the last page. */
  next_page_token?: string;
}
