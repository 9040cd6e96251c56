import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ModelBuild,
  ModelMonitoringSettingsInput,
  TERMINAL_STATES,
} from '@ml-platform/plugin-ml-common';
import { BuildInput } from '../../apiInputs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { v4 as uuid } from 'uuid';
import { ModelBuildStore, StoredModelBuild } from './ModelBuildStore';
import { ModelStore } from '../ModelStore';
import { StoredWorkload } from '../../database';
import { WorkloadEngine } from '../../engine/WorkloadEngine';
import { ProjectFiles } from '../../projects/ProjectFiles';
import { removeTree } from '../../projects/confinedFs';
import { copyProjectSnapshot } from './buildSnapshot';
import { BuildLineage, readModelLineage } from './lineage';
import { lastLogLine } from '../deployments/lastLogLine';
import {
  findModelPart,
  findProjectAndModel,
  findProjectModel,
} from '../modelLookup';
import { projectFileToRun } from '../../projects/projectFileToRun';
import { LaunchDeps } from '../../engine/launchDeps';
import {
  REGISTERED_MODEL_DIR,
  RegisteredVersion,
  RegisteredVersions,
} from './RegisteredVersions';

const LINEAGE_FILE = 'lineage.yaml';
const PYFUNC_WRAPPER_FILE = '.ml-platform/serve_registered_model.py';

/** The model function of a build that serves MLflow artifacts as they are. */
function pyfuncWrapper(version: RegisteredVersion): string {
  return [
    `# Written by the ML platform: serves version ${version.version} of the`,
    `# registered model ${JSON.stringify(
      version.name,
    )} with MLflow's pyfunc loader.`,
    'from ml_platform.mlflow_models import pyfunc_predictor',
    '',
    `predict = pyfunc_predictor(${JSON.stringify(REGISTERED_MODEL_DIR)})`,
    '',
  ].join('\n');
}
const BUILD_TIMEOUT_SECONDS = 3600;

/** Where a build saves the monitoring settings its lineage.yaml declares. */
export interface LineageMonitoring {
  saveLineageSettings(
    modelId: string,
    input: ModelMonitoringSettingsInput,
  ): Promise<void>;
}

/** The public shape: the build profile stays internal. */
export function publicBuild(build: StoredModelBuild): ModelBuild {
  const { profile: _profile, ...rest } = build;
  return rest;
}

/**
 * Builds: an immutable snapshot of the project's files (honouring
 * .gitignore) in `<buildsRoot>/<build id>`, plus a build workload that runs
 * build.sh and checks the model function (ml_platform.model_build) in it.
 * Lineage comes from lineage.yaml at build time.
 */
export class ModelBuildService {
  private readonly endedListeners: Array<
    (build: StoredModelBuild) => Promise<void> | void
  > = [];

  constructor(
    private readonly deps: LaunchDeps & {
      models: ModelStore;
      builds: ModelBuildStore;
      files: ProjectFiles;
      engine: WorkloadEngine;
      buildsRoot: string;
      logger: LoggerService;
      /** Where builds from the model registry find their versions. */
      registry?: RegisteredVersions;
      /** Keeps the monitoring settings a build's lineage.yaml declares. */
      lineageMonitoring?: LineageMonitoring;
    },
  ) {}

  /** Called once when a build ends (built, failed or stopped). */
  onBuildEnded(listener: (build: StoredModelBuild) => Promise<void> | void) {
    this.endedListeners.push(listener);
  }

  private async finish(
    buildId: string,
    state: 'built' | 'failed' | 'stopped',
    reason?: string,
  ) {
    if (!(await this.deps.builds.finish(buildId, state, reason))) return;
    if (state !== 'built') {
      // Only a built build can be deployed: the files of the others are not needed again.
      await removeTree(this.snapshotDir(buildId));
    }
    const build = await this.deps.builds.get(buildId);
    for (const listener of this.endedListeners) {
      try {
        if (build) await listener(build);
      } catch (error) {
        this.deps.logger.warn(
          `A listener for the end of build ${buildId} failed: ${error}`,
        );
      }
    }
  }

  /** The folder of a build's snapshot; builds and replicas run in it. */
  snapshotDir(buildId: string): string {
    return path.join(this.deps.buildsRoot, buildId);
  }

  async list(projectId: string, modelIdOrName: string): Promise<ModelBuild[]> {
    const model = await findProjectModel(
      this.deps.models,
      projectId,
      modelIdOrName,
    );
    return (await this.deps.builds.listByModel(model.id)).map(publicBuild);
  }

  async get(
    projectId: string,
    modelIdOrName: string,
    buildId: string,
  ): Promise<StoredModelBuild> {
    const { found } = await findModelPart(
      this.deps.models,
      projectId,
      modelIdOrName,
      { kind: 'build', id: buildId, get: id => this.deps.builds.get(id) },
    );
    return found;
  }

  async create(
    projectId: string,
    modelIdOrName: string,
    input: BuildInput,
    actor: string,
  ): Promise<StoredModelBuild> {
    const { project, model } = await findProjectAndModel(
      this.deps,
      projectId,
      modelIdOrName,
    );

    const registered = input.registeredModel
      ? await this.registeredVersion(projectId, input.registeredModel)
      : undefined;
    // Without a function of the project's, the platform's MLflow wrapper
    // serves the registered version's files.
    const served = input.filePath
      ? {
          filePath: (
            await projectFileToRun(
              this.deps.files,
              projectId,
              'filePath',
              input.filePath,
            )
          ).path,
          functionName: input.functionName!,
        }
      : { filePath: PYFUNC_WRAPPER_FILE, functionName: 'predict' };
    if (!served.filePath.endsWith('.py'))
      throw new InputError(
        `filePath: '${input.filePath}' is not a Python file (.py)`,
      );
    const placement = await this.deps.launcher.place({
      project,
      runtimeId: input.runtimeId,
      checkRuntime: true,
      profile: input.profile,
    });

    const env = await this.deps.secrets.seal(input.env);
    const id = uuid();
    const dir = this.snapshotDir(id);
    let lineage: BuildLineage;
    try {
      await copyProjectSnapshot(this.deps.files.dirFor(projectId), dir);
      if (registered) {
        await this.addRegisteredFiles(dir, registered, !input.filePath);
      }
      lineage = await this.readLineage(dir, model.name);
    } catch (error) {
      await fs.rm(dir, { recursive: true, force: true });
      throw error;
    }
    const build = await this.deps.builds.create({
      id,
      modelId: model.id,
      ...served,
      runtimeId: placement.runtimeId,
      profile: placement.profile.name,
      comment: input.comment,
      examples: input.examples as StoredModelBuild['examples'],
      env,
      datasets: lineage.datasets,
      lineageMetadata: lineage.metadata,
      ...(registered
        ? {
            registeredModel: {
              name: registered.name,
              version: registered.version,
              ...(registered.runId
                ? {
                    runId: registered.runId,
                    runName: registered.runName,
                    experimentId: registered.experimentId,
                    datasets: registered.datasets ?? [],
                  }
                : {}),
            },
          }
        : {}),
      createdBy: actor,
    });
    try {
      const { workload } = await this.deps.launcher.launch(placement, {
        kind: 'build',
        name: `${model.name} build #${build.number}`,
        requester: actor,
        args: ['-m', 'ml_platform.model_build'],
        env: [build.env],
        platformEnv: {
          ML_MODEL_ID: model.id,
          ML_MODEL_NAME: model.name,
          ML_BUILD_ID: build.id,
          ML_MODEL_FILE: served.filePath,
          ML_MODEL_FUNCTION: served.functionName,
          ...(registered ? { ML_MODEL_ARTIFACTS: REGISTERED_MODEL_DIR } : {}),
        },
        modelId: model.id,
        timeoutSeconds: BUILD_TIMEOUT_SECONDS,
        idempotencyKey: `model-build:${build.id}`,
        workDir: dir,
      });
      await this.deps.builds.setWorkload(build.id, workload.id);
      if (TERMINAL_STATES.includes(workload.state))
        await this.onWorkloadEnded(workload);
    } catch (error) {
      // Refused (e.g. the profile fits no node): the request changes nothing.
      await this.deps.builds.delete(build.id);
      await fs.rm(dir, { recursive: true, force: true });
      throw error;
    }
    if (lineage.monitoring) await this.saveMonitoring(model.id, lineage);
    return (await this.deps.builds.get(build.id))!;
  }

  private async registeredVersion(
    projectId: string,
    ref: { name: string; version: string },
  ): Promise<RegisteredVersion> {
    if (!this.deps.registry) {
      throw new InputError('This backend has no model registry');
    }
    const found = await this.deps.registry.find(
      projectId,
      ref.name,
      ref.version,
    );
    if (!found) {
      throw new NotFoundError(
        `registeredModel: no version ${ref.version} of a registered model '${ref.name}' in this project`,
      );
    }
    return found;
  }

  /**
   * The version's files go to `registered-model/` of the snapshot, with the
   * platform's wrapper beside them when no project function serves them.
   */
  private async addRegisteredFiles(
    dir: string,
    version: RegisteredVersion,
    withWrapper: boolean,
  ): Promise<void> {
    const target = path.join(dir, REGISTERED_MODEL_DIR);
    if (await fs.stat(target).catch(() => undefined)) {
      throw new InputError(
        `The project has a '${REGISTERED_MODEL_DIR}' folder, where a build puts the registered model's files: rename it or add it to .gitignore`,
      );
    }
    await this.deps.registry!.copyFiles(version, target);
    if (withWrapper) {
      await fs.mkdir(path.dirname(path.join(dir, PYFUNC_WRAPPER_FILE)), {
        recursive: true,
      });
      await fs.writeFile(
        path.join(dir, PYFUNC_WRAPPER_FILE),
        pyfuncWrapper(version),
      );
    }
  }

  private async readLineage(
    dir: string,
    modelName: string,
  ): Promise<BuildLineage> {
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, LINEAGE_FILE), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { datasets: [], metadata: {} };
      throw error;
    }
    try {
      return readModelLineage(text, modelName);
    } catch (error) {
      if (error instanceof InputError) {
        throw new InputError(`${LINEAGE_FILE}: ${error.message}`);
      }
      throw new InputError(
        `${LINEAGE_FILE} is not valid YAML: ${(error as Error).message}`,
      );
    }
  }

  /**
   * Saves the monitoring settings lineage.yaml declares, unless they were set
   * by hand. The build is made already: a failure here only costs the
   * settings, so it is logged rather than thrown.
   */
  private async saveMonitoring(
    modelId: string,
    lineage: BuildLineage,
  ): Promise<void> {
    try {
      await this.deps.lineageMonitoring?.saveLineageSettings(
        modelId,
        lineage.monitoring!,
      );
    } catch (error) {
      this.deps.logger.warn(
        `The monitoring settings of ${LINEAGE_FILE} were not saved for model ${modelId}: ${error}`,
      );
    }
  }

  /** A build ends with its workload; a failure's reason is the last line it printed. */
  async onWorkloadEnded(w: StoredWorkload): Promise<void> {
    if (w.kind !== 'build') return;
    const build = await this.deps.builds.findByWorkload(w.id);
    if (!build) return;
    if (w.state === 'succeeded') {
      await this.finish(build.id, 'built');
    } else if (w.state === 'stopped') {
      await this.finish(build.id, 'stopped', w.reason);
    } else {
      const last = await lastLogLine(this.deps, w);
      const reason =
        w.state === 'timed_out'
          ? w.reason
          : last ?? w.reason ?? 'the build failed';
      await this.finish(build.id, 'failed', reason);
    }
  }

  /** Ends builds whose workload ended while no listener heard it (e.g. a restart). */
  async sweep(): Promise<void> {
    for (const build of await this.deps.builds.listUnfinished()) {
      if (!build.workloadId) continue;
      const w = await this.deps.workloads.get(build.workloadId);
      if (w && TERMINAL_STATES.includes(w.state)) await this.onWorkloadEnded(w);
    }
  }

  /** Stops the model's running builds and removes its builds and their snapshots. */
  async deleteAllOf(modelId: string): Promise<void> {
    const builds = await this.deps.builds.listByModel(modelId);
    for (const build of builds) {
      if (
        (build.state === 'queued' || build.state === 'building') &&
        build.workloadId
      ) {
        await this.deps.engine.stop(build.workloadId, 'its model was deleted');
      }
    }
    await this.deps.builds.deleteByModel(modelId);
    for (const build of builds) {
      await removeTree(this.snapshotDir(build.id));
    }
  }
}
