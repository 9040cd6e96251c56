import { InputError, NotFoundError } from '@backstage/errors';
import {
  Model,
  ModelExample,
  MonitoredFeature,
  PREDICTION_FEATURE,
  TakeDriftBaselineRequest,
} from '@ml-platform/plugin-ml-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { baselineSample } from './baselineSamples';
import { csvColumns } from './csvColumns';
import { StoredDriftBaseline } from './DriftBaselineStore';
import type { EffectiveSettings } from './qualitySettings';
import { FeatureValue, PredictionInputStore } from './PredictionInputStore';
import { QualityStore } from './QualityStore';

/** The builds a baseline may come from. */
export interface BuildsOfModels {
  get(id: string): Promise<
    | {
        modelId: string;
        number: number;
        examples: ModelExample[];
        datasets: string[];
      }
    | undefined
  >;
}

/** The deployments a baseline may come from. */
export interface DeploymentsOfModels {
  get(id: string): Promise<{ modelId: string; buildId: string } | undefined>;
}

/** A feature's sample as taken from a source. */
export interface TakenSample {
  feature: string;
  sample: StoredDriftBaseline['sample'];
  size: number;
}

/**
 * Where drift baselines are taken from: a CSV of a build's snapshot, a
 * build's examples, or the first predictions of a deployment.
 */
export class BaselineSources {
  constructor(
    private readonly deps: {
      builds: BuildsOfModels;
      deployments: DeploymentsOfModels;
      snapshotDir: (buildId: string) => string;
      inputs: PredictionInputStore;
      quality: QualityStore;
      featureValue: (
        feature: MonitoredFeature,
        value: FeatureValue,
      ) => number | string | undefined;
    },
  ) {}

  /** The samples of the features the source has, and a sentence naming it. */
  async take(
    model: Model,
    settings: EffectiveSettings,
    features: MonitoredFeature[],
    request: TakeDriftBaselineRequest,
  ): Promise<{ source: string; samples: TakenSample[] }> {
    return request.source === 'predictions'
      ? this.predictionSamples(model, settings, features, request)
      : this.buildSamples(model, settings, features, request);
  }

  private async predictionSamples(
    model: Model,
    settings: EffectiveSettings,
    features: MonitoredFeature[],
    request: TakeDriftBaselineRequest,
  ) {
    const deploymentId = request.deploymentId ?? model.activeDeploymentId;
    if (!deploymentId)
      throw new InputError(
        `deploymentId: model '${model.name}' has no active deployment`,
      );
    const deployment = await this.deps.deployments.get(deploymentId);
    if (!deployment || deployment.modelId !== model.id)
      throw new NotFoundError(
        `No deployment with id '${deploymentId}' of model '${model.name}'`,
      );
    const size = request.size ?? settings.baselineSize;
    const samples: TakenSample[] = [];
    for (const feature of features) {
      let raw: Array<number | string | undefined> = [];
      if (feature.name !== PREDICTION_FEATURE) {
        const inputs = await this.deps.inputs.firstOfDeployment(
          deploymentId,
          feature.name,
          size,
        );
        raw = inputs.map(v => this.deps.featureValue(feature, v));
      } else if (settings.predictionMetric) {
        raw = await this.deps.quality.firstTrackedOfDeployment(
          model.id,
          deploymentId,
          settings.predictionMetric,
          size,
        );
      }
      const taken = baselineSample(feature.type, raw, size);
      if (taken) samples.push({ feature: feature.name, ...taken });
    }
    return {
      source: `the first ${size} predictions of deployment ${deploymentId}`,
      samples,
    };
  }

  private async buildSamples(
    model: Model,
    settings: EffectiveSettings,
    features: MonitoredFeature[],
    request: TakeDriftBaselineRequest,
  ) {
    const build = await this.buildOf(model, request.buildId);
    const size = settings.baselineSize;
    let columns: Record<string, unknown[]>;
    let source: string;
    if (request.source === 'examples') {
      columns = {};
      for (const example of build.examples) {
        const fields = example.request;
        if (typeof fields !== 'object' || fields === null) continue;
        for (const [name, value] of Object.entries(fields)) {
          (columns[name] ??= []).push(value);
        }
      }
      source = `build ${build.number} examples`;
    } else {
      const file = request.path ?? build.datasets[0];
      if (!file)
        throw new InputError(
          `path: build ${build.number} names no dataset in its lineage.yaml; give the CSV file's path`,
        );
      const text = await this.readSnapshotFile(build.id, file);
      columns = csvColumns(
        text,
        features.map(f => f.name),
      );
      source = `build ${build.number}, ${file}`;
    }
    const samples: TakenSample[] = [];
    for (const feature of features) {
      const raw = columns[feature.name];
      const taken = raw && baselineSample(feature.type, raw, size);
      if (taken) samples.push({ feature: feature.name, ...taken });
    }
    return { source, samples };
  }

  private async buildOf(model: Model, buildId: string | undefined) {
    let id = buildId;
    if (!id) {
      const active = model.activeDeploymentId
        ? await this.deps.deployments.get(model.activeDeploymentId)
        : undefined;
      if (!active)
        throw new InputError(
          `buildId: model '${model.name}' has no active deployment to take its build`,
        );
      id = active.buildId;
    }
    const build = await this.deps.builds.get(id);
    if (!build || build.modelId !== model.id)
      throw new NotFoundError(
        `No build with id '${id}' of model '${model.name}'`,
      );
    return { ...build, id };
  }

  /** A file of a build's snapshot; the path may not leave the snapshot. */
  private async readSnapshotFile(buildId: string, file: string) {
    const root = path.resolve(this.deps.snapshotDir(buildId));
    const full = path.resolve(root, file);
    const relative = path.relative(root, full);
    if (
      relative === '' ||
      relative.startsWith('..') ||
      path.isAbsolute(relative)
    )
      throw new InputError(
        `path: '${file}' is not a file of the build's snapshot`,
      );
    try {
      const [realRoot, realFull] = await Promise.all([
        fs.realpath(root),
        fs.realpath(full),
      ]);
      if (!realFull.startsWith(realRoot + path.sep))
        throw new InputError(
          `path: '${file}' is not a file of the build's snapshot`,
        );
      return await fs.readFile(realFull, 'utf8');
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(
        `path: '${file}' is not a readable file of the build's snapshot`,
      );
    }
  }
}
