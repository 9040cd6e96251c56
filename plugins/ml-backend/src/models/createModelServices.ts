import { LoggerService } from '@backstage/backend-plugin-api';
import { Workspace } from '@ml-platform/plugin-ml-common';
import { ComputeDriver } from '@ml-platform/plugin-ml-node';
import { Knex } from 'knex';
import path from 'node:path';
import { ModelAccessKeyStore } from './keys/ModelAccessKeyStore';
import { ModelBuildStore } from './builds/ModelBuildStore';
import { ModelDeploymentStore } from './deployments/ModelDeploymentStore';
import { ModelStore } from './ModelStore';
import { ProjectStore, WorkloadStore, WorkspaceStore } from '../database';
import { WorkloadEngine } from '../engine/WorkloadEngine';
import { WorkloadLauncher } from '../engine/WorkloadLauncher';
import { EnvSecrets } from '../secrets/EnvSecrets';
import { ProjectFiles } from '../projects/ProjectFiles';
import { ProjectService } from '../projects/ProjectService';
import { ModelAccessKeyService } from './keys/ModelAccessKeyService';
import { ModelBuildService } from './builds/ModelBuildService';
import { DeploymentReconciler } from './deployments/DeploymentReconciler';
import { ModelDeploymentService } from './deployments/ModelDeploymentService';
import { ReplicaLauncher } from './deployments/ReplicaLauncher';
import { ModelService } from './ModelService';
import { ReplicaReadiness } from './deployments/ReplicaReadiness';
import { ServingDirectory } from './serving/ServingDirectory';

/**
 * The models part of the plugin: models, builds, deployments, access keys
 * and the directory the serving gateway routes by. Build snapshots live in
 * `<storageRoot>/builds/<build id>`.
 */
export function createModelServices(options: {
  db: Knex;
  storageRoot: string;
  drainSeconds: number;
  logger: LoggerService;
  projects: ProjectService;
  workspaceStore: WorkspaceStore;
  workloadStore: WorkloadStore;
  files: ProjectFiles;
  engine: WorkloadEngine;
  launcher: WorkloadLauncher;
  secrets: Pick<EnvSecrets, 'seal'>;
  driverFor: (workspace: Workspace) => ComputeDriver;
}) {
  const { db, logger, projects, engine, launcher, secrets, driverFor } =
    options;
  const modelStore = new ModelStore(db);
  const buildStore = new ModelBuildStore(db);
  const readiness = new ReplicaReadiness();
  const modelKeys = new ModelAccessKeyService({
    keys: new ModelAccessKeyStore(db),
    logger,
  });
  const modelDirectory = new ServingDirectory({
    models: modelStore,
    projects: new ProjectStore(db),
    readiness,
    keys: modelKeys,
  });
  const modelBuilds = new ModelBuildService({
    models: modelStore,
    builds: buildStore,
    projects,
    workspaces: options.workspaceStore,
    files: options.files,
    workloads: options.workloadStore,
    engine,
    launcher,
    secrets,
    driverFor,
    buildsRoot: path.join(options.storageRoot, 'builds'),
    logger,
  });
  const deploymentStore = new ModelDeploymentStore(db);
  const drainMs = options.drainSeconds * 1000;
  const replicas = new ReplicaLauncher({
    models: modelStore,
    deployments: deploymentStore,
    builds: buildStore,
    snapshotDir: id => modelBuilds.snapshotDir(id),
    engine,
    launcher,
    readiness,
    drainMs,
    logger,
  });
  const modelDeployments = new ModelDeploymentService({
    models: modelStore,
    deployments: deploymentStore,
    builds: buildStore,
    snapshotDir: id => modelBuilds.snapshotDir(id),
    projects,
    workloads: options.workloadStore,
    engine,
    secrets,
    readiness,
    launcher: replicas,
  });
  const modelDeploymentReconciler = new DeploymentReconciler({
    models: modelStore,
    deployments: deploymentStore,
    workloads: options.workloadStore,
    workspaces: options.workspaceStore,
    engine,
    driverFor,
    readiness,
    launcher: replicas,
    service: modelDeployments,
    drainMs,
    logger,
  });
  const models = new ModelService({
    models: modelStore,
    projects,
    builds: modelBuilds,
    deployments: modelDeployments,
    keys: modelKeys,
  });
  models.onChange(id => modelDirectory.changed(id));
  modelDeployments.onActiveChange(id => modelDirectory.changed(id));
  engine.onEnded(w => modelBuilds.onWorkloadEnded(w));
  projects.onDelete(projectId => models.deleteAllOfProject(projectId));

  return {
    models,
    modelBuilds,
    modelDeployments,
    modelDeploymentReconciler,
    modelKeys,
    modelDirectory,
  };
}
