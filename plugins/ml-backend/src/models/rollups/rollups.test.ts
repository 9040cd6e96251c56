import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { migratedDatabaseForAll } from '../../__testUtils__/migratedDatabase';
import { ModelStore } from '../ModelStore';
import { AggregateMetricStore } from '../monitoring/AggregateMetricStore';
import { MetricPointStore } from '../monitoring/MetricPointStore';
import { MonitoringService } from '../monitoring/MonitoringService';
import { PredictionRecorder } from '../monitoring/PredictionRecorder';
import { PredictionRow, PredictionStore } from '../monitoring/PredictionStore';
import { ReplicaUsageStore } from '../monitoring/ReplicaUsageStore';
import { TechnicalSignals } from '../monitors/technicalSignals';
import { ModelDirectory } from '../serving/ModelDirectory';
import {
  BaselineSample,
  DriftBaselineStore,
} from '../quality/DriftBaselineStore';
import { DriftReader } from '../quality/DriftReader';
import { MonitoringSettingsStore } from '../quality/MonitoringSettingsStore';
import { PredictionInputStore } from '../quality/PredictionInputStore';
import { effectiveSettings } from '../quality/qualitySettings';
import { QualityReader } from '../quality/QualityReader';
import { QualityStore } from '../quality/QualityStore';
import { HOUR_MS } from './hourCoverage';
import { ModelRollupService } from './ModelRollupService';
import { RawHourReader } from './RawHourReader';
import { RollupStore } from './RollupStore';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const PROJECT = '11111111-1111-4111-8111-111111111111';
const MODEL = '22222222-2222-4222-8222-222222222222';
const uuid = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
// An hour's start past 2^31 ms: at_ms must survive as a bigint on Postgres.
const H0 = Math.ceil(1_790_000_000_000 / HOUR_MS) * HOUR_MS;
/** Three closed hours and 20 minutes of the open fourth. */
const NOW = H0 + 3 * HOUR_MS + 20 * 60_000;
const PER_HOUR = 60;

function predictionAt(n: number): PredictionRow {
  const hour = Math.floor(n / PER_HOUR);
  const atMs = H0 + hour * HOUR_MS + (n % PER_HOUR) * 55_000;
  return {
    uuid: uuid(n),
    projectId: PROJECT,
    modelId: MODEL,
    deploymentId: n % 3 === 0 ? 'dep-b' : 'dep-a',
    replica: 0,
    atMs,
    latencyMs: 1 + ((n * 37) % 200) / 3,
    status: n % 7 === 0 ? 500 : 200,
    success: n % 7 !== 0,
    metrics: { prediction: (n * 13) % 4, score: n / 10 },
  };
}

describe.each(databases.eachSupportedId())('hourly rollups on %s', id => {
  let knex: Knex;
  let now = NOW;
  let settings: MonitoringSettingsStore;
  let quality: QualityStore;
  let rollups: RollupStore;
  let drift: (withRollups: boolean) => DriftReader;
  let service: ModelRollupService;
  let monitoring: (withRollups: boolean) => MonitoringService;

  migratedDatabaseForAll(databases, id, async created => {
    knex = created;
    settings = new MonitoringSettingsStore(knex);
    quality = new QualityStore(knex);
    rollups = new RollupStore(knex);
    await new ModelStore(knex).create({
      id: MODEL,
      projectId: PROJECT,
      name: 'm',
      description: '',
      disableAuthentication: false,
      createdBy: 'user:default/a',
    });
    await settings.put({
      modelId: MODEL,
      task: 'regression',
      predictionMetric: 'prediction',
      truthMetric: 'actual',
      features: [
        { name: 'x', type: 'numeric' },
        { name: 'segment', type: 'categorical' },
      ],
      baselineSize: 100,
      updatedAtMs: H0,
      source: 'settings',
    });
    const baselines = new DriftBaselineStore(knex);
    const baseline = (feature: string, sample: BaselineSample) => ({
      modelId: MODEL,
      feature,
      sample,
      size: 100,
      source: 'test',
      createdAtMs: H0,
    });
    await baselines.replace([
      baseline('x', {
        type: 'numeric',
        values: Array.from({ length: 100 }, (_, i) => i / 10),
      }),
      baseline('segment', {
        type: 'categorical',
        counts: { a: 5, b: 3, c: 2 },
      }),
      baseline('$prediction', {
        type: 'numeric',
        values: Array.from({ length: 40 }, (_, i) => i % 4),
      }),
    ]);
    const inputs = new PredictionInputStore(knex);
    const predictions = new PredictionStore(knex);
    const rows = Array.from({ length: 4 * PER_HOUR }, (_, n) =>
      predictionAt(n),
    ).filter(r => r.atMs < NOW);
    await predictions.insertBatch(rows);
    await inputs.insertBatch(
      rows.flatMap((r, n) => [
        {
          modelId: MODEL,
          deploymentId: r.deploymentId,
          predictionUuid: r.uuid,
          atMs: r.atMs,
          name: 'x',
          numValue: ((n * 17) % 100) / 9 + Math.floor(n / PER_HOUR),
        },
        {
          modelId: MODEL,
          deploymentId: r.deploymentId,
          predictionUuid: r.uuid,
          atMs: r.atMs,
          name: 'segment',
          textValue: ['a', 'b', 'c', 'd'][n % 4],
        },
      ]),
    );
    // Truth for two thirds of them, some 0 (left out of MAPE).
    await new MetricPointStore(knex).insert(
      rows
        .filter((_, n) => n % 3 !== 1)
        .map((r, n) => ({
          projectId: PROJECT,
          modelId: MODEL,
          deploymentId: r.deploymentId,
          predictionUuid: r.uuid,
          kind: 'delayed' as const,
          name: 'actual',
          value: (n * 7) % 4,
          atMs: r.atMs,
        })),
    );
    drift = withRollups =>
      new DriftReader({
        inputs,
        baselines,
        quality,
        rollups: withRollups ? rollups : undefined,
      });
    service = new ModelRollupService({
      store: rollups,
      raw: new RawHourReader(knex),
      quality,
      settings,
      baselines,
      drift: drift(true),
      now: () => now,
    });
    const directory = {
      byId: async () => ({ modelId: MODEL }),
    } as unknown as ModelDirectory;
    monitoring = withRollups =>
      new MonitoringService({
        directory,
        predictions: new PredictionStore(knex, {
          rollups: withRollups ? rollups : undefined,
          now: () => now,
        }),
        points: new MetricPointStore(knex),
        usage: new ReplicaUsageStore(knex),
        aggregates: new AggregateMetricStore(knex),
        recorder: {
          flush: async () => {},
          pending: () => undefined,
        } as unknown as PredictionRecorder,
        rollups: withRollups ? rollups : undefined,
        now: () => now,
      });
  });

  const qualityOf = async (reader: QualityReader, deploymentId?: string) => {
    const read = await reader.quality(
      MODEL,
      await effectiveSettings(settings, MODEL),
      { fromMs: H0, toMs: H0 + 4 * HOUR_MS, stepMs: HOUR_MS, count: 4 },
      deploymentId,
    );
    return { windows: read.windows, pairs: read.pairs.length };
  };

  const expectSameQuality = async () => {
    for (const deploymentId of [undefined, 'dep-a', 'dep-b']) {
      const raw = await qualityOf(new QualityReader(quality), deploymentId);
      const rolled = await qualityOf(
        new QualityReader(quality, rollups),
        deploymentId,
      );
      expect(rolled.windows.map(w => w.count)).toEqual(
        raw.windows.map(w => w.count),
      );
      rolled.windows.forEach((w, i) => {
        for (const key of ['mae', 'rmse', 'mape', 'accuracy'] as const) {
          const expected = raw.windows[i][key];
          expect(w[key] === undefined).toBe(expected === undefined);
          expect(w[key] ?? 0).toBeCloseTo(expected ?? 0, 9);
        }
      });
      expect(rolled.pairs).toBe(raw.pairs);
    }
    return true;
  };

  it('rolls up the closed hours once, and rolls nothing while nothing changed', async () => {
    expect(await service.rollUp()).toBe(3);
    expect(await service.rollUp()).toBe(0);
    expect(
      [
        ...(await rollups.coveredHours(MODEL, { fromMs: H0, toMs: NOW })),
      ].sort(),
    ).toEqual([H0, H0 + HOUR_MS, H0 + 2 * HOUR_MS]);
  });

  it('reads regression quality from the rollups as from the raw rows', async () => {
    expect(await expectSameQuality()).toBe(true);
  });

  it('reads drift from the rollups: as raw, KS within 1 %', async () => {
    const current = await effectiveSettings(settings, MODEL);
    const read = {
      fromMs: H0,
      toMs: H0 + 4 * HOUR_MS,
      stepMs: HOUR_MS,
      count: 4,
    };
    for (const deploymentId of [undefined, 'dep-a']) {
      const raw = await drift(false).drift(MODEL, current, read, deploymentId);
      const rolled = await drift(true).drift(
        MODEL,
        current,
        read,
        deploymentId,
      );
      expect(rolled.features.map(f => f.feature)).toEqual([
        'x',
        'segment',
        '$prediction',
      ]);
      rolled.features.forEach((feature, f) => {
        feature.windows.forEach((w, i) => {
          const r = raw.features[f].windows[i];
          expect(w.count).toBe(r.count);
          expect(w.count).toBeGreaterThan(0);
          for (const key of ['psi', 'chiSquare', 'chiSquarePValue'] as const) {
            expect(w[key] === undefined).toBe(r[key] === undefined);
            expect(w[key] ?? 0).toBeCloseTo(r[key] ?? 0, 9);
          }
          expect(w.ks === undefined).toBe(r.ks === undefined);
          expect(Math.abs((w.ks ?? 0) - (r.ks ?? 0))).toBeLessThanOrEqual(
            0.01 + 1e-9,
          );
        });
      });
    }
    const window = { startMs: H0 + HOUR_MS, endMs: H0 + 2 * HOUR_MS };
    for (const metric of [
      { kind: 'drift' as const, feature: 'x', statistic: 'psi' as const },
      {
        kind: 'drift' as const,
        feature: 'segment',
        statistic: 'chiSquare' as const,
      },
    ]) {
      const raw = await drift(false).read(MODEL, current, metric, window);
      const rolled = await drift(true).read(MODEL, current, metric, window);
      expect(rolled.samples).toBe(raw.samples);
      expect(rolled.value).toBeCloseTo(raw.value!, 9);
    }
  });

  it('reads the technical metrics from the rollups: counts and means as raw, percentiles within 5 %', async () => {
    for (const deploymentId of [undefined, 'dep-a']) {
      const query = {
        fromMs: H0,
        toMs: NOW,
        stepSeconds: 3600,
        deploymentId,
      };
      const raw = await monitoring(false).metrics(PROJECT, MODEL, query);
      const rolled = await monitoring(true).metrics(PROJECT, MODEL, query);
      expect(rolled.buckets.map(b => [b.at, b.requests, b.errors])).toEqual(
        raw.buckets.map(b => [b.at, b.requests, b.errors]),
      );
      rolled.buckets.forEach((b, i) => {
        const r = raw.buckets[i];
        expect(Object.keys(b.metrics).sort()).toEqual(
          Object.keys(r.metrics).sort(),
        );
        for (const name of Object.keys(r.metrics))
          expect(b.metrics[name]).toBeCloseTo(r.metrics[name], 9);
        for (const name of Object.keys(r.delayedMetrics))
          expect(b.delayedMetrics[name]).toBeCloseTo(r.delayedMetrics[name], 9);
        for (const p of ['p50Ms', 'p95Ms', 'p99Ms'] as const)
          expect(Math.abs(b[p]! / r[p]! - 1)).toBeLessThanOrEqual(0.05);
      });
    }
  });

  it('reads 1 h monitor windows of technical metrics from the rollups', async () => {
    const window = { startMs: H0 + HOUR_MS, endMs: H0 + 2 * HOUR_MS };
    const target = { projectId: PROJECT, modelId: MODEL };
    const metric = (name: string) => ({ kind: 'technical' as const, name });
    const raw = new TechnicalSignals(knex);
    const rolled = new TechnicalSignals(knex, rollups);
    expect(await rolled.read(target, metric('errorRate'), window)).toEqual(
      await raw.read(target, metric('errorRate'), window),
    );
    const p95 = await rolled.read(target, metric('p95LatencyMs'), window);
    const exact = await raw.read(target, metric('p95LatencyMs'), window);
    expect(p95.samples).toBe(exact.samples);
    expect(Math.abs(p95.value! / exact.value! - 1)).toBeLessThanOrEqual(0.05);
  });

  it('reads an hour raw once late truth lands for it, until it is rolled up again', async () => {
    const late = predictionAt(1); // hour 0, had no truth
    await monitoring(true).trackDelayed(
      { projectId: PROJECT, modelId: MODEL },
      late.uuid,
      { actual: 42 },
    );
    expect(
      (await rollups.coveredHours(MODEL, { fromMs: H0, toMs: NOW })).has(H0),
    ).toBe(false);
    await expectSameQuality();
    now += 1000;
    expect(await service.rollUp()).toBe(1);
    expect(
      (await rollups.coveredHours(MODEL, { fromMs: H0, toMs: NOW })).has(H0),
    ).toBe(true);
    await expectSameQuality();
  });

  it('rolls the next hour up once it closes, and a late prediction makes its hour stale', async () => {
    now = H0 + 4 * HOUR_MS + 5 * 60_000;
    expect(await service.rollUp()).toBe(1);
    await new PredictionStore(knex, { rollups, now: () => now }).insertBatch([
      { ...predictionAt(100_000), atMs: H0 + 2 * HOUR_MS + 1 },
    ]);
    expect(
      (await rollups.coveredHours(MODEL, { fromMs: H0, toMs: now })).size,
    ).toBe(3);
    now += 1000;
    expect(await service.rollUp()).toBe(1);
    await expectSameQuality();
  });

  it('rolls every hour up again for classification, and reads it as raw', async () => {
    await settings.put({
      modelId: MODEL,
      task: 'classification',
      predictionMetric: 'prediction',
      truthMetric: 'actual',
      features: [],
      baselineSize: 100,
      updatedAtMs: H0 + 1,
      source: 'settings',
    });
    expect(
      (
        await rollups.coveredHours(
          MODEL,
          { fromMs: H0, toMs: now },
          { quality: 'classification\nprediction\nactual' },
        )
      ).size,
    ).toBe(0);
    expect(await service.rollUp()).toBe(4);
    await expectSameQuality();
  });

  it('forgets the rollups of a deleted model', async () => {
    const tables = [
      'model_hourly_technical',
      'model_hourly_quality',
      'model_rollup_hours',
      'model_rollup_cursors',
    ];
    const counts = () =>
      Promise.all(
        tables.map(async t =>
          Number(
            (await knex(t).where({ model_id: MODEL }).count({ n: '*' }))[0].n,
          ),
        ),
      );
    expect((await counts()).every(n => n > 0)).toBe(true);
    await rollups.deleteAllOf(MODEL);
    expect(await counts()).toEqual([0, 0, 0, 0]);
  });
});
