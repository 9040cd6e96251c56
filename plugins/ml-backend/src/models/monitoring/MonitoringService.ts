import { InputError, NotFoundError } from '@backstage/errors';
import {
  MAX_TIMESTAMP_MS,
  ModelMetrics,
  PredictionRecord,
} from '@ml-platform/plugin-ml-common';
import { StoredWorkload } from '../../database';
import { MetricPoint, MetricPointStore } from './MetricPointStore';
import { PredictionRow, PredictionStore } from './PredictionStore';
import { ReplicaUsageStore } from './ReplicaUsageStore';
import { AggregateMetricStore } from './AggregateMetricStore';
import { ModelDirectory, ServingTarget } from '../serving/ModelDirectory';
import { PredictionRecorder } from './PredictionRecorder';
import { RollupStore } from '../rollups/RollupStore';
import { markClosedHours } from '../rollups/markClosedHours';
import { technicalBuckets } from './technicalBuckets';

/**
 * The part of a calling workload the workload API scopes by: its row's
 * project and, for a build or model replica, the model (and deployment) the
 * platform started it for. Never its env, which the workload's owner sets.
 */
export type CallingWorkload = Pick<
  StoredWorkload,
  'projectId' | 'modelId' | 'deploymentId'
>;

export interface TimeRange {
  fromMs?: number;
  toMs?: number;
}

/** A tracked value as the SDK sends it. */
export interface TrackedValue {
  name: string;
  value: number;
  /** Model id or name; default: the calling replica's own model. */
  model?: string;
  predictionUuid?: string;
  atMs?: number;
}

/** One entry of read_metrics: a prediction's values, or a value tracked on its own. */
export interface MetricsEntry {
  predictionUuid: string | null;
  modelId: string;
  deploymentId: string | null;
  at: string;
  metrics: Record<string, number>;
  delayedMetrics: Record<string, number>;
}

const DEFAULT_RANGE_MS = 60 * 60 * 1000;
const MAX_BUCKETS = 1000;
const MAX_READ_POINTS = 100_000;

/**
 * Monitoring of served models: prediction records and metrics for the
 * portal's read API, and the SDK's tracked and delayed metrics (scoped to
 * the calling workload's project).
 */
export class MonitoringService {
  constructor(
    private readonly deps: {
      directory: ModelDirectory;
      predictions: PredictionStore;
      points: MetricPointStore;
      usage: ReplicaUsageStore;
      aggregates: AggregateMetricStore;
      recorder: PredictionRecorder;
      /** Hourly rollups the metrics read takes whole rolled-up hours from. */
      rollups?: RollupStore;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  private async model(
    projectId: string,
    modelIdOrName: string,
  ): Promise<ServingTarget> {
    const target = await this.deps.directory.byId(projectId, modelIdOrName);
    if (!target)
      throw new NotFoundError(
        `No model '${modelIdOrName}' in project '${projectId}'`,
      );
    return target;
  }

  /** Predictions of a model, newest first, each with its tracked and delayed metrics. */
  async listPredictions(
    projectId: string,
    modelIdOrName: string,
    query: TimeRange & {
      deploymentId?: string;
      uuid?: string;
      pageSize: number;
      offset: number;
    },
  ): Promise<{
    items: PredictionRecord[];
    totalSize: number;
    nextOffset?: number;
  }> {
    const model = await this.model(projectId, modelIdOrName);
    // Recent predictions may still wait in the recorder's buffer.
    await this.deps.recorder.flush();
    const page = await this.deps.predictions.list({
      modelId: model.modelId,
      deploymentId: query.deploymentId,
      uuid: query.uuid,
      fromMs: query.fromMs,
      toMs: query.toMs,
      limit: query.pageSize,
      offset: query.offset,
    });
    const points = await this.deps.points.forPredictions(
      page.items.map(p => p.uuid),
    );
    const byUuid = new Map<string, MetricPoint[]>();
    for (const point of points) {
      const list = byUuid.get(point.predictionUuid!) ?? [];
      list.push(point);
      byUuid.set(point.predictionUuid!, list);
    }
    const items = page.items.map(p => {
      const own = byUuid.get(p.uuid) ?? [];
      return {
        uuid: p.uuid,
        modelId: p.modelId,
        deploymentId: p.deploymentId,
        replica: p.replica,
        at: new Date(p.atMs).toISOString(),
        latencyMs: p.latencyMs,
        status: p.status,
        success: p.success,
        metrics: Object.fromEntries(
          own.filter(x => x.kind === 'tracked').map(x => [x.name, x.value]),
        ),
        delayedMetrics: Object.fromEntries(
          own.filter(x => x.kind === 'delayed').map(x => [x.name, x.value]),
        ),
      };
    });
    const end = query.offset + items.length;
    return {
      items,
      totalSize: page.totalSize,
      nextOffset: end < page.totalSize ? end : undefined,
    };
  }

  /** Throughput, latency percentiles, errors, metric means per bucket, and replica usage. */
  async metrics(
    projectId: string,
    modelIdOrName: string,
    query: TimeRange & { deploymentId?: string; stepSeconds?: number },
  ): Promise<ModelMetrics> {
    const model = await this.model(projectId, modelIdOrName);
    const toMs = query.toMs ?? this.now();
    const fromMs = query.fromMs ?? toMs - DEFAULT_RANGE_MS;
    if (fromMs >= toMs)
      throw new InputError('Invalid request query: from: must be before to');
    const stepMs =
      (query.stepSeconds ??
        Math.max(1, Math.ceil((toMs - fromMs) / 60 / 1000))) * 1000;
    const count = Math.ceil((toMs - fromMs) / stepMs);
    if (count > MAX_BUCKETS) {
      throw new InputError(
        `Invalid request query: stepSeconds: the range would have ${count} buckets; at most ${MAX_BUCKETS} (use a larger step)`,
      );
    }
    await this.deps.recorder.flush();
    const filter = {
      modelId: model.modelId,
      deploymentId: query.deploymentId,
      fromMs,
      toMs,
    };
    const [buckets, usage] = await Promise.all([
      technicalBuckets(this.deps, { ...filter, stepMs, count }),
      this.deps.usage.list(filter),
    ]);

    return {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      stepSeconds: stepMs / 1000,
      buckets,
      usage: usage.map(u => ({
        at: new Date(u.atMs).toISOString(),
        replica: u.replica,
        cpu: u.cpu,
        memoryMiB: u.memoryMiB,
      })),
    };
  }

  /** track_metric outside a prediction (or with an explicit prediction uuid). */
  async track(
    workload: CallingWorkload,
    values: TrackedValue[],
  ): Promise<number> {
    const points: MetricPoint[] = [];
    for (const v of values) {
      if (v.predictionUuid) {
        const prediction = await this.prediction(workload, v.predictionUuid);
        points.push({
          projectId: prediction.projectId,
          modelId: prediction.modelId,
          deploymentId: prediction.deploymentId,
          predictionUuid: prediction.uuid,
          kind: 'tracked',
          name: v.name,
          value: v.value,
          atMs: prediction.atMs,
        });
        continue;
      }
      const { modelId, deploymentId } = await this.ownOrNamedModel(
        workload,
        v.model,
      );
      points.push({
        projectId: workload.projectId,
        modelId,
        deploymentId,
        kind: 'tracked',
        name: v.name,
        value: v.value,
        atMs: v.atMs ?? this.now(),
      });
    }
    await this.deps.points.insert(points);
    await this.markChanged(points);
    return points.length;
  }

  /**
   * Hours whose rollups these points change are stale until rolled up
   * again. Only closed hours: an open hour's rollup starts after it closes,
   * so it sees points written before then.
   */
  private async markChanged(points: MetricPoint[]): Promise<void> {
    if (this.deps.rollups)
      await markClosedHours(this.deps.rollups, points, this.now());
  }

  /** track_delayed_metrics: joined to the prediction by uuid; sending again replaces. */
  async trackDelayed(
    workload: CallingWorkload,
    predictionUuid: string,
    metrics: Record<string, number>,
  ): Promise<void> {
    const prediction = await this.prediction(workload, predictionUuid);
    const points = Object.entries(metrics).map(([name, value]) => ({
      projectId: prediction.projectId,
      modelId: prediction.modelId,
      deploymentId: prediction.deploymentId,
      predictionUuid: prediction.uuid,
      kind: 'delayed' as const,
      name,
      value,
      atMs: prediction.atMs,
    }));
    await this.deps.points.insert(points);
    await this.markChanged(points);
  }

  /** track_aggregate_metrics: values of a whole window of a model's predictions. */
  async trackAggregate(
    workload: CallingWorkload,
    sent: {
      metrics: Record<string, number>;
      startMs: number;
      endMs: number;
      model?: string;
      deploymentId?: string;
    },
  ): Promise<number> {
    const own = await this.ownOrNamedModel(workload, sent.model);
    const atMs = this.now();
    const values = Object.entries(sent.metrics).map(([name, value]) => ({
      projectId: workload.projectId,
      modelId: own.modelId,
      deploymentId: sent.deploymentId ?? own.deploymentId,
      name,
      value,
      startMs: sent.startMs,
      endMs: sent.endMs,
      atMs,
    }));
    await this.deps.aggregates.insert(values);
    return values.length;
  }

  /** read_metrics: a model's values in a range (or of one prediction), grouped by prediction. */
  async read(
    workload: CallingWorkload,
    query: TimeRange & {
      model?: string;
      deploymentId?: string;
      uuid?: string;
      name?: string;
    },
  ): Promise<MetricsEntry[]> {
    let points: MetricPoint[];
    if (query.uuid) {
      const prediction = await this.prediction(workload, query.uuid);
      await this.deps.recorder.flush();
      points = (
        await this.deps.points.forPredictions([prediction.uuid])
      ).filter(p => !query.name || p.name === query.name);
      if (points.length === 0) {
        return [
          this.entry(
            prediction.uuid,
            prediction.modelId,
            prediction.deploymentId,
            prediction.atMs,
          ),
        ];
      }
    } else {
      const { modelId } = await this.ownOrNamedModel(workload, query.model);
      await this.deps.recorder.flush();
      points = await this.deps.points.list({
        modelId,
        deploymentId: query.deploymentId,
        name: query.name,
        fromMs: query.fromMs,
        // Rows tracked before times were range-checked may lie past what a
        // date can format; they are left out rather than failing every read.
        toMs: query.toMs ?? MAX_TIMESTAMP_MS + 1,
        limit: MAX_READ_POINTS,
      });
    }
    const entries: MetricsEntry[] = [];
    const byUuid = new Map<string, MetricsEntry>();
    for (const p of points) {
      let entry = p.predictionUuid ? byUuid.get(p.predictionUuid) : undefined;
      if (!entry) {
        entry = this.entry(
          p.predictionUuid ?? null,
          p.modelId,
          p.deploymentId ?? null,
          p.atMs,
        );
        entries.push(entry);
        if (p.predictionUuid) byUuid.set(p.predictionUuid, entry);
      }
      (p.kind === 'delayed' ? entry.delayedMetrics : entry.metrics)[p.name] =
        p.value;
    }
    return entries;
  }

  private entry(
    uuid: string | null,
    modelId: string,
    deploymentId: string | null,
    atMs: number,
  ): MetricsEntry {
    return {
      predictionUuid: uuid,
      modelId,
      deploymentId,
      at: new Date(atMs).toISOString(),
      metrics: {},
      delayedMetrics: {},
    };
  }

  /** A prediction of a model in the workload's project (buffered or stored). */
  private async prediction(
    workload: CallingWorkload,
    uuid: string,
  ): Promise<Omit<PredictionRow, 'metrics'>> {
    const prediction =
      this.deps.recorder.pending(uuid) ??
      (await this.deps.predictions.get(uuid));
    if (!prediction || prediction.projectId !== workload.projectId) {
      throw new NotFoundError(
        `No prediction '${uuid}' of a model in this workload's project`,
      );
    }
    return prediction;
  }

  private async ownOrNamedModel(
    workload: CallingWorkload,
    model: string | undefined,
  ): Promise<{ modelId: string; deploymentId?: string }> {
    const own = workload.modelId;
    if (!model && !own) {
      throw new InputError(
        "Invalid request: model: required outside a model's build or replica (the model's name or id)",
      );
    }
    // Named or its own: either way a model of the workload's project, or 404.
    const target = await this.model(workload.projectId, model ?? own!);
    return {
      modelId: target.modelId,
      deploymentId: target.modelId === own ? workload.deploymentId : undefined,
    };
  }
}
