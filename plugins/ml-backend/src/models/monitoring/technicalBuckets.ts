import { ModelMetricsBucket } from '@ml-platform/plugin-ml-common';
import { planWindows } from '../rollups/hourCoverage';
import { rolledBucket } from '../rollups/rolledTechnical';
import { RollupStore } from '../rollups/RollupStore';
import { MetricPointStore } from './MetricPointStore';
import { metricBuckets } from './metricBuckets';
import { PredictionStore } from './PredictionStore';

/**
 * The technical metrics of a model per bucket: buckets of whole rolled-up
 * hours from the rollups, the others from the raw predictions and points.
 */
export async function technicalBuckets(
  deps: {
    predictions: PredictionStore;
    points: MetricPointStore;
    rollups?: RollupStore;
  },
  read: {
    modelId: string;
    deploymentId?: string;
    fromMs: number;
    toMs: number;
    stepMs: number;
    count: number;
  },
): Promise<ModelMetricsBucket[]> {
  const { rollups } = deps;
  const { modelId, deploymentId, fromMs, toMs, stepMs, count } = read;
  const span = { fromMs, toMs };
  const plan = rollups
    ? planWindows(read, await rollups.coveredHours(modelId, span))
    : undefined;
  const rolled = plan && plan.rolled.size > 0 ? plan.rolled : undefined;
  const [raw, technical, sums] = await Promise.all([
    Promise.all(
      (plan ? plan.raw : [span]).map(async part => {
        const filter = { modelId, deploymentId, ...part };
        return {
          latencies: await deps.predictions.latencies(filter),
          means: await deps.points.bucketMeans({ ...filter, stepMs }),
        };
      }),
    ),
    rolled && rollups?.technical(modelId, span, deploymentId),
    rolled && rollups?.metricSums(modelId, span, deploymentId),
  ]);
  const buckets = metricBuckets({
    fromMs,
    stepMs,
    count,
    latencies: raw.flatMap(r => r.latencies),
    means: raw.flatMap(r => r.means),
  });
  for (const [index, hours] of rolled ?? []) {
    buckets[index] = rolledBucket(
      buckets[index].at,
      hours,
      technical ?? new Map(),
      sums ?? new Map(),
    );
  }
  return buckets;
}
