import { LoggerService } from '@backstage/backend-plugin-api';
import { MonitoredFeature } from '@ml-platform/plugin-ml-common';
import { MAX_CATEGORY_LENGTH } from './baselineSamples';
import { PredictionInput } from './PredictionInputStore';

/** How long a model's declared features are used before they are read again. */
const SETTINGS_TTL_MS = 5000;
const BATCH_SIZE = 5000;
const FLUSH_INTERVAL_MS = 1000;
/** Beyond this many waiting inputs the oldest are dropped, not the memory grown. */
const MAX_BUFFERED = 200_000;

/** The prediction a request belongs to. */
export interface CapturedCall {
  modelId: string;
  deploymentId: string;
  uuid: string;
  atMs: number;
}

/**
 * Records the declared features of predictions' requests off the response
 * path, like PredictionRecorder: `capture` reads the model's features from a
 * cache (one map lookup when it declares none) and appends to a buffer that
 * is written in batches.
 */
export class PredictionInputRecorder {
  private readonly features = new Map<
    string,
    { features: MonitoredFeature[]; expiresAtMs: number }
  >();
  private readonly loading = new Map<string, Promise<MonitoredFeature[]>>();
  private buffer: PredictionInput[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private dropped = 0;

  constructor(
    private readonly deps: {
      featuresOf: (modelId: string) => Promise<MonitoredFeature[]>;
      store: { insertBatch(inputs: PredictionInput[]): Promise<void> };
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  /** Captures the declared features of a prediction's request, if any. */
  capture(call: CapturedCall, request: unknown): void {
    const cached = this.features.get(call.modelId);
    if (cached && cached.expiresAtMs > this.now()) {
      if (cached.features.length > 0) this.add(call, cached.features, request);
      return;
    }
    this.load(call.modelId).then(
      features => this.add(call, features, request),
      error =>
        this.deps.logger.warn(
          `Could not read the monitored features of model ${call.modelId}: ${error}`,
        ),
    );
  }

  /** Forgets a model's cached features (its settings changed). */
  forget(modelId: string): void {
    this.features.delete(modelId);
  }

  private load(modelId: string): Promise<MonitoredFeature[]> {
    let pending = this.loading.get(modelId);
    if (!pending) {
      pending = this.deps
        .featuresOf(modelId)
        .then(features => {
          this.features.set(modelId, {
            features,
            expiresAtMs: this.now() + SETTINGS_TTL_MS,
          });
          return features;
        })
        .finally(() => this.loading.delete(modelId));
      this.loading.set(modelId, pending);
    }
    return pending;
  }

  private add(
    call: CapturedCall,
    features: MonitoredFeature[],
    request: unknown,
  ) {
    if (typeof request !== 'object' || request === null) return;
    const fields = request as Record<string, unknown>;
    for (const feature of features) {
      const input = inputOf(call, feature.name, fields[feature.name]);
      if (!input) continue;
      if (this.buffer.length >= MAX_BUFFERED) {
        this.buffer.shift();
        this.dropped += 1;
      }
      this.buffer.push(input);
    }
    if (this.buffer.length >= BATCH_SIZE) this.kick();
    else if (this.buffer.length > 0 && !this.timer) {
      this.timer = setTimeout(() => this.kick(), FLUSH_INTERVAL_MS);
      this.timer.unref();
    }
  }

  /** Writes everything captured so far (and what is still loading). */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.loading.values()]);
    while (this.writing || this.buffer.length > 0) {
      if (!this.writing) this.kick();
      await this.writing;
    }
  }

  /** Flushes and stops the timer. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private kick() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing || this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.writing = this.write(batch).finally(() => {
      this.writing = undefined;
    });
  }

  private async write(batch: PredictionInput[]) {
    if (this.dropped > 0) {
      this.deps.logger.warn(
        `Dropped ${this.dropped} prediction inputs: the database did not keep up`,
      );
      this.dropped = 0;
    }
    try {
      await this.deps.store.insertBatch(batch);
    } catch (error) {
      // Inputs are a sample for drift: a failed batch is logged, not retried.
      this.deps.logger.error(
        `Writing ${batch.length} prediction inputs failed`,
        error as Error,
      );
    }
  }
}

/** A field as a number or a short category; other values are skipped. */
function inputOf(
  call: CapturedCall,
  name: string,
  value: unknown,
): PredictionInput | undefined {
  const base = {
    modelId: call.modelId,
    deploymentId: call.deploymentId,
    predictionUuid: call.uuid,
    atMs: call.atMs,
    name,
  };
  if (typeof value === 'number' && Number.isFinite(value))
    return { ...base, numValue: value };
  if (typeof value === 'string' && value.length <= MAX_CATEGORY_LENGTH)
    return { ...base, textValue: value };
  return undefined;
}
