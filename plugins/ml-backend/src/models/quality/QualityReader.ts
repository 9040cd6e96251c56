import {
  ModelQuality,
  MonitorMetric,
  QualityWindow,
} from '@ml-platform/plugin-ml-common';
import {
  classificationQuality,
  LabelPairCount,
  regressionQuality,
} from './qualityMetrics';
import { EffectiveSettings } from './qualitySettings';
import { MAX_PAIRS, QualityFilter, QualityStore } from './QualityStore';
import { planWindows, WindowPlan } from '../rollups/hourCoverage';
import { QualityRollup, RollupStore, SamplePair } from '../rollups/RollupStore';
import {
  combineQuality,
  qualityKey,
  spreadPairs,
} from '../rollups/rolledQuality';

/** A window of time, epoch milliseconds, start inclusive and end exclusive. */
export interface MonitorWindow {
  startMs: number;
  endMs: number;
}

/** A metric's value over a window and the samples it rests on. */
export interface MonitorReading {
  value?: number;
  samples: number;
}

/** The windows of a read, as `windowsOf` computes them. */
export interface ReadWindows {
  fromMs: number;
  toMs: number;
  stepMs: number;
  count: number;
}

type WindowQuality = Omit<QualityWindow, 'start'>;

/** The windows of a read and where each came from. */
interface ComputedWindows {
  byStart: Map<number, WindowQuality>;
  plan?: WindowPlan;
  rolled?: Map<number, QualityRollup[]>;
}

/**
 * Quality of a model's tracked predictions against their delayed truth,
 * per window: from the hourly rollups for windows of whole rolled-up hours,
 * else from what QualityStore aggregates in SQL over the raw rows.
 */
export class QualityReader {
  constructor(
    private readonly store: QualityStore,
    private readonly rollups?: RollupStore,
  ) {}

  /** Quality per window, the aggregates sent for the range and a spread of pairs. */
  async quality(
    modelId: string,
    settings: EffectiveSettings,
    windowsOfRead: ReadWindows,
    deploymentId?: string,
  ): Promise<ModelQuality> {
    const { fromMs, toMs, stepMs, count } = windowsOfRead;
    const starts = Array.from({ length: count }, (_, i) => fromMs + i * stepMs);
    const filter = qualityFilter(modelId, settings, {
      deploymentId,
      startMs: fromMs,
      endMs: toMs,
    });
    let windows: QualityWindow[] = starts.map(start => ({
      start: new Date(start).toISOString(),
      count: 0,
    }));
    let total = 0;
    let computed: ComputedWindows | undefined;
    if (filter) {
      computed = await this.windowQuality(settings, filter, windowsOfRead);
      const { byStart } = computed;
      windows = starts.map(start => {
        const found = byStart.get(start);
        total += found?.count ?? 0;
        return { start: new Date(start).toISOString(), count: 0, ...found };
      });
    }
    const [pairs, aggregates] = await Promise.all([
      filter && computed ? this.pairs(filter, total, computed, stepMs) : [],
      this.store.aggregates({ modelId, deploymentId, fromMs, toMs }),
    ]);
    return {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      stepSeconds: stepMs / 1000,
      configured: Boolean(
        settings.stored?.predictionMetric && settings.stored?.truthMetric,
      ),
      task: settings.task,
      predictionMetric: settings.predictionMetric,
      truthMetric: settings.truthMetric,
      windows,
      aggregates: aggregates.map(a => ({
        name: a.name,
        value: a.value,
        start: new Date(a.startMs).toISOString(),
        end: new Date(a.endMs).toISOString(),
      })),
      pairs: pairs.map(p => ({
        at: new Date(p.atMs).toISOString(),
        prediction: p.prediction,
        truth: p.truth,
      })),
    };
  }

  /** A quality metric over one window, as a monitor reads it. */
  async read(
    modelId: string,
    settings: EffectiveSettings,
    metric: MonitorMetric,
    window: MonitorWindow,
  ): Promise<MonitorReading> {
    const filter = qualityFilter(modelId, settings, window);
    if (!filter) return { samples: 0 };
    const stepMs = window.endMs - window.startMs;
    const { byStart } = await this.windowQuality(settings, filter, {
      fromMs: window.startMs,
      toMs: window.endMs,
      stepMs,
      count: 1,
    });
    const found = byStart.get(window.startMs);
    const value = found?.[metric.name as keyof typeof found];
    return {
      value:
        metric.name !== 'count' && typeof value === 'number'
          ? value
          : undefined,
      samples: found?.count ?? 0,
    };
  }

  /**
   * Quality per window start, for the windows with pairs: windows of whole
   * rolled-up hours from the rollups, the others from the raw rows.
   */
  private async windowQuality(
    settings: EffectiveSettings,
    filter: QualityFilter,
    read: ReadWindows,
  ): Promise<ComputedWindows> {
    const key = qualityKey(settings);
    if (!this.rollups || key === null)
      return {
        byStart: await this.rawQuality(settings.task, filter, read.stepMs),
      };
    const span = { fromMs: read.fromMs, toMs: read.toMs };
    const plan = planWindows(
      read,
      await this.rollups.coveredHours(filter.modelId, span, { quality: key }),
    );
    const byStart = new Map<number, WindowQuality>();
    for (const raw of plan.raw) {
      const part = await this.rawQuality(
        settings.task,
        { ...filter, fromMs: raw.fromMs, toMs: raw.toMs },
        read.stepMs,
      );
      for (const [start, found] of part) byStart.set(start, found);
    }
    if (plan.rolled.size === 0) return { byStart, plan };
    const rolled = await this.rollups.quality(
      filter.modelId,
      span,
      filter.deploymentId,
    );
    for (const [index, hours] of plan.rolled) {
      const found = combineQuality(
        settings.task,
        hours.flatMap(h => rolled.get(h) ?? []),
      );
      if (found) byStart.set(read.fromMs + index * read.stepMs, found);
    }
    return { byStart, plan, rolled };
  }

  /**
   * Up to MAX_PAIRS pairs of the range, evenly spread: from the raw rows,
   * or, where windows came from rollups, from the samples of their hours.
   */
  private async pairs(
    filter: QualityFilter,
    total: number,
    computed: ComputedWindows,
    stepMs: number,
  ): Promise<SamplePair[]> {
    const { plan, rolled, byStart } = computed;
    if (!plan || !rolled) return this.store.pairs(filter, total);
    const parts: Array<{ count: number; sample: SamplePair[] }> = [];
    for (const raw of plan.raw) {
      let count = 0;
      for (let s = raw.fromMs; s < raw.toMs; s += stepMs)
        count += byStart.get(s)?.count ?? 0;
      if (count === 0) continue;
      parts.push({
        count,
        sample: await this.store.pairs(
          { ...filter, fromMs: raw.fromMs, toMs: raw.toMs },
          count,
        ),
      });
    }
    for (const hours of plan.rolled.values())
      for (const hour of hours)
        for (const r of rolled.get(hour) ?? [])
          parts.push({ count: r.count, sample: r.sample });
    return spreadPairs(parts, MAX_PAIRS);
  }

  /** Quality per window start from the raw rows. */
  private async rawQuality(
    task: EffectiveSettings['task'],
    filter: QualityFilter,
    stepMs: number,
  ): Promise<Map<number, WindowQuality>> {
    const out = new Map<number, WindowQuality>();
    if (task === 'regression') {
      const rows = await this.store.regressionWindows(filter, stepMs);
      for (const { startMs, ...sums } of rows)
        out.set(startMs, { count: sums.count, ...regressionQuality(sums) });
      return out;
    }
    const rows = await this.store.labelWindows(filter, stepMs);
    const byWindow = new Map<number, LabelPairCount[]>();
    for (const { startMs, ...pair } of rows) {
      const list = byWindow.get(startMs) ?? [];
      list.push(pair);
      byWindow.set(startMs, list);
    }
    for (const [startMs, pairs] of byWindow) {
      out.set(startMs, {
        count: pairs.reduce((n, p) => n + p.count, 0),
        ...classificationQuality(pairs),
      });
    }
    return out;
  }
}

function qualityFilter(
  modelId: string,
  settings: EffectiveSettings,
  window: MonitorWindow & { deploymentId?: string },
): QualityFilter | undefined {
  if (!settings.predictionMetric || !settings.truthMetric) return undefined;
  return {
    modelId,
    deploymentId: window.deploymentId,
    predictionMetric: settings.predictionMetric,
    truthMetric: settings.truthMetric,
    fromMs: window.startMs,
    toMs: window.endMs,
  };
}
