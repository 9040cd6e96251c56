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
import { QualityFilter, QualityStore } from './QualityStore';

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

/**
 * Quality of a model's tracked predictions against their delayed truth,
 * per window, from what QualityStore aggregates in SQL.
 */
export class QualityReader {
  constructor(private readonly store: QualityStore) {}

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
    if (filter) {
      const computed = await this.windowQuality(settings.task, filter, stepMs);
      windows = starts.map(start => {
        const found = computed.get(start);
        total += found?.count ?? 0;
        return { start: new Date(start).toISOString(), count: 0, ...found };
      });
    }
    const [pairs, aggregates] = await Promise.all([
      filter ? this.store.pairs(filter, total) : [],
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
    const found = (await this.windowQuality(settings.task, filter, stepMs)).get(
      window.startMs,
    );
    const value = found?.[metric.name as keyof typeof found];
    return {
      value:
        metric.name !== 'count' && typeof value === 'number'
          ? value
          : undefined,
      samples: found?.count ?? 0,
    };
  }

  /** Quality per window start, for the windows with pairs. */
  private async windowQuality(
    task: EffectiveSettings['task'],
    filter: QualityFilter,
    stepMs: number,
  ): Promise<Map<number, Omit<QualityWindow, 'start'>>> {
    const out = new Map<number, Omit<QualityWindow, 'start'>>();
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
