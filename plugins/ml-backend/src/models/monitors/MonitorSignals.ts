import { MonitorMetric } from '@ml-platform/plugin-ml-common';

/** A window of time, epoch milliseconds, start inclusive and end exclusive. */
export interface MonitorWindow {
  startMs: number;
  endMs: number;
}

/** The model a monitor watches. */
export interface MonitorTarget {
  projectId: string;
  modelId: string;
}

/** A metric's value over a window and the samples it rests on (value absent when none). */
export interface MonitorReading {
  value?: number;
  samples: number;
}

/** Where monitors read their metric's value over a window. */
export interface MonitorSignals {
  read(
    target: MonitorTarget,
    metric: MonitorMetric,
    window: MonitorWindow,
  ): Promise<MonitorReading>;
}

/** The aggregate metrics of a model, as {@link CompositeMonitorSignals} reads them. */
export interface AggregateSignals {
  /** The latest aggregate value whose end lies in the window; samples = number of such values. */
  latestIn(
    modelId: string,
    name: string,
    startMs: number,
    endMs: number,
  ): Promise<MonitorReading>;
}

const NO_READING: MonitorReading = { samples: 0 };

/**
 * Reads each kind of metric from where it is computed: quality and drift
 * from the quality service, technical metrics from the predictions, and
 * aggregates from the values workloads sent. A kind with no source yet reads
 * as no samples, so its monitors say `insufficient_data` rather than fail.
 */
export class CompositeMonitorSignals implements MonitorSignals {
  constructor(
    private readonly sources: {
      technical: MonitorSignals;
      /** Reads `quality` and `drift` metrics. */
      quality?: MonitorSignals;
      aggregate?: AggregateSignals;
    },
  ) {}

  async read(
    target: MonitorTarget,
    metric: MonitorMetric,
    window: MonitorWindow,
  ): Promise<MonitorReading> {
    const { technical, quality, aggregate } = this.sources;
    switch (metric.kind) {
      case 'technical':
        return technical.read(target, metric, window);
      case 'quality':
      case 'drift':
        return quality ? quality.read(target, metric, window) : NO_READING;
      case 'aggregate':
        return aggregate && metric.name
          ? aggregate.latestIn(
              target.modelId,
              metric.name,
              window.startMs,
              window.endMs,
            )
          : NO_READING;
      default:
        return NO_READING;
    }
  }
}
