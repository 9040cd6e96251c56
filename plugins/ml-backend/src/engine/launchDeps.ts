import { Workspace } from '@ml-platform/plugin-ml-common';
import { ComputeDriver } from '@ml-platform/plugin-ml-node';
import { WorkloadStore, WorkspaceStore } from '../database';
import { ProjectService } from '../projects/ProjectService';
import { EnvSecrets } from '../secrets/EnvSecrets';
import { WorkloadLauncher } from './WorkloadLauncher';

/**
 * What a service needs to launch a project's work (a session, a build, an
 * app) on its workspace's compute driver.
 */
export interface LaunchDeps {
  projects: ProjectService;
  workspaces: WorkspaceStore;
  workloads: WorkloadStore;
  launcher: WorkloadLauncher;
  /** Seals the secrets of the work's env before they are stored. */
  secrets: Pick<EnvSecrets, 'seal'>;
  driverFor: (workspace: Workspace) => ComputeDriver;
}
