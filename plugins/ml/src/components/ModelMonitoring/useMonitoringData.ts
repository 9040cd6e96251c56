import { useApi } from '@backstage/core-plugin-api';
import {
  ModelDrift,
  ModelMetrics,
  ModelMonitor,
  ModelMonitoringSettings,
  ModelQuality,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { usePolledAsync } from '../../hooks/usePolledAsync';
import { MetricsRange, rangeQuery } from '../../lib/modelMetrics';

/** Monitoring data changes all the time; CML's charts refresh about as often. */
const REFRESH_MS = 10_000;

/** A part of the page's data: its value, or why it could not be loaded. */
export interface Part<T> {
  value?: T;
  error?: Error;
}

async function part<T>(load: () => Promise<T>): Promise<Part<T>> {
  try {
    return { value: await load() };
  } catch (e) {
    return { error: e as Error };
  }
}

export interface MonitoringData {
  metrics: ModelMetrics;
  /** The range's [from, to] in epoch ms, which every chart spans. */
  domain: [number, number];
  quality: Part<ModelQuality>;
  drift: Part<ModelDrift>;
  settings: Part<ModelMonitoringSettings>;
  monitors: Part<ModelMonitor[]>;
}

/**
 * Everything the monitoring tab draws, for one range asked once, so that
 * the traffic, quality and drift charts cover the same times. The traffic
 * must load; quality, drift and the monitors are shown as far as they do.
 */
export function useMonitoringData(options: {
  projectId: string;
  modelId: string;
  range: MetricsRange;
  deploymentId?: string;
}) {
  const { projectId, modelId, range, deploymentId } = options;
  const api = useApi(mlApiRef);
  return usePolledAsync(
    async (): Promise<MonitoringData> => {
      const query = { ...rangeQuery(range, Date.now()), deploymentId };
      const [metrics, quality, drift, settings, monitors] = await Promise.all([
        api.getModelMetrics(projectId, modelId, query),
        part(() => api.getModelQuality(projectId, modelId, query)),
        part(() => api.getModelDrift(projectId, modelId, query)),
        part(() => api.getMonitoringSettings(projectId, modelId)),
        part(() => api.listMonitors(projectId, modelId)),
      ]);
      return {
        metrics,
        domain: [Date.parse(query.from), Date.parse(query.to)],
        quality,
        drift,
        settings,
        monitors,
      };
    },
    [api, projectId, modelId, range, deploymentId],
    () => true,
    { intervalMs: REFRESH_MS },
  );
}
