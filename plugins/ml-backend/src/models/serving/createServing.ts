import { LoggerService } from '@backstage/backend-plugin-api';
import { ComputeDriver } from '@ml-platform/plugin-ml-node';
import { Knex } from 'knex';
import { WorkloadStore } from '../../database';
import { MetricPointStore } from '../monitoring/MetricPointStore';
import { PredictionStore } from '../monitoring/PredictionStore';
import { ReplicaUsageStore } from '../monitoring/ReplicaUsageStore';
import { ModelDirectory } from './ModelDirectory';
import { ModelGateway } from './ModelGateway';
import { MonitoringService } from '../monitoring/MonitoringService';
import { PredictionRecorder, PredictionRecorderOptions } from '../monitoring/PredictionRecorder';
import { ReplicaClient } from './ReplicaClient';
import { ReplicaUsageSampler } from '../monitoring/ReplicaUsageSampler';

/** `ml.serving.*` settings the gateway and monitoring use. */
export interface ServingConfig {
  queueTimeoutMs: number;
  predictionTimeoutMs: number;
  recordPredictions: boolean;
  usageSampleSeconds: number;
}

/**
 * How predictions are batched. On SQLite a write blocks the event loop
 * (better-sqlite3 is synchronous) and each commit syncs the file: at up to
 * ~2k predictions/s, the interval rather than the size ends a batch, so it
 * is about one commit per second.
 */
export const PREDICTION_RECORDER_OPTIONS: PredictionRecorderOptions = {
  batchSize: 2000,
  flushIntervalMs: 1000,
  maxBuffered: 100_000,
};

/** The serving gateway, its prediction recorder and the monitoring services. */
export function createServing(options: {
  db: Knex;
  config: ServingConfig;
  logger: LoggerService;
  directory: ModelDirectory;
  drivers: () => ComputeDriver[];
  workloadStore: WorkloadStore;
}) {
  const { db, config, logger, directory } = options;
  const predictionRecorder = new PredictionRecorder(
    { store: new PredictionStore(db), logger: logger.child({ component: 'prediction-recorder' }) },
    PREDICTION_RECORDER_OPTIONS,
  );
  const gateway = new ModelGateway({
    directory,
    client: new ReplicaClient({ timeoutMs: config.predictionTimeoutMs }),
    recorder: config.recordPredictions ? predictionRecorder : undefined,
    options: { queueTimeoutMs: config.queueTimeoutMs, failureRestMs: 1000 },
  });
  const replicaUsage = new ReplicaUsageStore(db);
  return {
    gateway,
    predictionRecorder,
    monitoring: new MonitoringService({
      directory,
      predictions: new PredictionStore(db),
      points: new MetricPointStore(db),
      usage: replicaUsage,
      recorder: predictionRecorder,
    }),
    replicaUsageSampler: new ReplicaUsageSampler({
      workloads: options.workloadStore,
      drivers: options.drivers,
      store: replicaUsage,
    }),
  };
}
