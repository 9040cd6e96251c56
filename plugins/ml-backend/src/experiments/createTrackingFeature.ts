import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import { Knex } from 'knex';
import path from 'node:path';
import {
  ArtifactStore,
  createArtifactsRouter,
  LocalArtifactStore,
} from './artifacts';
import { ArtifactAccess } from './ArtifactAccess';
import { copyArtifacts } from './artifacts/copyArtifacts';
import { RegisteredVersions } from '../models/builds/RegisteredVersions';
import { ExperimentRunLineage } from '../models/lineage/LineageService';
import { RequestAccess } from '../access/RequestAccess';
import { ProjectStore, WorkloadStore } from '../database';
import { WorkloadTokens } from '../engine/WorkloadTokens';
import { createMlflowRouter } from './mlflowRouter';
import { createRegistry, registryRoutes } from './registry';
import { TrackingAccess } from './TrackingAccess';
import { ExperimentService } from './tracking/ExperimentService';
import { ExperimentStore } from './tracking/ExperimentStore';
import { RunService } from './tracking/RunService';
import { RunStore } from './tracking/RunStore';
import { trackingRoutes } from './tracking/trackingRoutes';
import { TrackingLookup } from './tracking/TrackingLookup';
import { TrackingSearch } from './tracking/TrackingSearch';

/**
 * The experiment tracking feature: its stores, built with the backend, and
 * its router, built once the routers' access checks exist.
 */
export function createTrackingFeature(options: {
  db: Knex;
  search: TrackingSearch;
  /** Where artifacts are kept: `<storageRoot>/mlflow-artifacts`. */
  storageRoot: string;
  maxArtifactBytes?: number;
}) {
  const experimentStore = new ExperimentStore(options.db);
  const runStore = new RunStore(options.db);
  const registry = createRegistry(options.db);
  const artifactStore: ArtifactStore = new LocalArtifactStore(
    path.join(options.storageRoot, 'mlflow-artifacts'),
  );

  const registeredVersions: RegisteredVersions = {
    async find(projectId, name, version) {
      const model = await registry.store.get(name);
      if (!model || model.projectId !== projectId) return undefined;
      const found = await registry.versionStore.get({
        modelId: model.id,
        version: Number(version),
      });
      if (!found) return undefined;
      const [run] = found.run_id ? await runStore.getMany([found.run_id]) : [];
      return {
        name: model.name,
        version: String(found.version),
        storageLocation: found.storageLocation,
        ...(run
          ? {
              runId: run.info.run_id,
              runName: run.info.run_name,
              experimentId: run.info.experiment_id,
              datasets: run.inputs.dataset_inputs.map(i => i.dataset.name),
            }
          : {}),
      };
    },
    copyFiles: (version, target) =>
      copyArtifacts(artifactStore, version.storageLocation, target),
  };

  return {
    experimentStore,
    runStore,
    /** The registry as model builds read it. */
    registeredVersions,
    /** Experiment runs as the model lineage shows them. */
    experimentRuns: {
      async get(runId: string): Promise<ExperimentRunLineage | undefined> {
        const [run] = await runStore.getMany([runId]);
        if (!run) return undefined;
        return {
          runId,
          name: run.info.run_name,
          experimentId: run.info.experiment_id,
          datasets: run.inputs.dataset_inputs.map(i => i.dataset.name),
        };
      },
    },

    /** Removes a project's models, experiments and runs (its deletion). */
    async deleteAllOfProject(projectId: string): Promise<void> {
      await registry.store.deleteAllOfProject(projectId);
      for (const id of await experimentStore.idsOfProject(projectId)) {
        await artifactStore.delete(id);
      }
      await experimentStore.deleteOfProject(projectId);
    },

    router(deps: {
      access: RequestAccess;
      tokens: WorkloadTokens;
      workloadStore: WorkloadStore;
      projectStore: ProjectStore;
      logger: LoggerService;
    }): express.Router {
      const access = new TrackingAccess({
        access: deps.access,
        tokens: deps.tokens,
        workloads: deps.workloadStore,
        projects: deps.projectStore,
      });
      const lookup = new TrackingLookup({
        experiments: experimentStore,
        runs: runStore,
        access,
      });
      const artifactAccess = new ArtifactAccess({ access, lookup });
      return createMlflowRouter({
        access,
        logger: deps.logger,
        artifacts: createArtifactsRouter({
          store: artifactStore,
          authorize: artifactAccess.authorize,
          resolveRun: artifactAccess.resolveRun,
          maxUploadBytes: options.maxArtifactBytes,
        }),
        routes: [
          trackingRoutes({
            experiments: new ExperimentService({
              experiments: experimentStore,
              runs: runStore,
              projects: deps.projectStore,
              access,
              lookup,
              search: options.search,
            }),
            runs: new RunService({
              runs: runStore,
              lookup,
              search: options.search,
            }),
          }),
          registryRoutes(registry.services({ access, tracking: lookup })),
        ],
      });
    },
  };
}

/** @internal */
export type TrackingFeature = ReturnType<typeof createTrackingFeature>;
