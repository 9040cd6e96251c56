import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ResourceLimits,
  createRuntimeSchema,
  resourceLimitsSchema,
} from '@ml-platform/plugin-ml-common';
import path from 'node:path';
import { z } from 'zod';

/** The ML plugin's settings, read once at start-up. */
export interface EngineConfig {
  reconcileIntervalSeconds: number;
  cronIntervalSeconds: number;
  starvationSeconds: number;
  nodeIdleSeconds: number;
  maxBackoffSeconds: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

export interface MlConfig {
  storageRoot: string;
  sdkPath?: string;
  engine: EngineConfig;
  maxUploadBytes: number;
  seedDemo: boolean;
  serving: {
    drainSeconds: number;
    queueTimeoutMs: number;
    predictionTimeoutMs: number;
    recordPredictions: boolean;
    usageSampleSeconds: number;
  };
  applications: { allowBypassAuthentication: boolean };
  logs: { maxReadBytes: number; maxFollowStreamsPerUser: number };
  defaultUserQuota?: ResourceLimits;
  runtimes: z.output<typeof createRuntimeSchema>[];
}

function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  key: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(
      `Invalid config ${key}${
        issue.path.length ? `.${issue.path.join('.')}` : ''
      }: ${issue.message}`,
    );
  }
  return result.data;
}

function readDrainSeconds(value: number | undefined): number {
  if (value === undefined) return 3;
  if (!(value >= 0))
    throw new InputError(
      'Invalid config ml.serving.drainSeconds: must be 0 or more',
    );
  return value;
}

/** Reads `ml.*`; relative storage paths are relative to the working directory. */
export function readMlConfig(config: Config): MlConfig {
  const ml = config.getOptionalConfig('ml');
  const runtimes = (ml?.getOptionalConfigArray('runtimes') ?? []).map((r, i) =>
    parseOrThrow(createRuntimeSchema, r.get(), `ml.runtimes[${i}]`),
  );
  const quota = ml?.getOptional('defaultUserQuota');
  const engine = ml?.getOptionalConfig('engine');
  const positive = (key: string, fallback: number) => {
    const value = engine?.getOptionalNumber(key) ?? fallback;
    if (!(value > 0))
      throw new InputError(
        `Invalid config ml.engine.${key}: must be more than 0`,
      );
    return value;
  };
  const positiveAt = (key: string, fallback: number) => {
    const value = ml?.getOptionalNumber(key) ?? fallback;
    if (!(value > 0))
      throw new InputError(`Invalid config ml.${key}: must be more than 0`);
    return value;
  };
  const wholeAt = (key: string, fallback: number) => {
    const value = ml?.getOptionalNumber(key) ?? fallback;
    if (!Number.isInteger(value) || value < 1) {
      throw new InputError(
        `Invalid config ml.${key}: must be a whole number of 1 or more`,
      );
    }
    return value;
  };
  const sdk = ml?.getOptionalString('sdk.path');
  return {
    storageRoot: path.resolve(
      ml?.getOptionalString('storage.root') ?? '.ml-data',
    ),
    sdkPath: sdk ? path.resolve(sdk) : undefined,
    engine: {
      reconcileIntervalSeconds: positive('reconcileIntervalSeconds', 1),
      cronIntervalSeconds: positive('cronIntervalSeconds', 15),
      starvationSeconds: positive('starvationSeconds', 600),
      nodeIdleSeconds: positive('nodeIdleSeconds', 300),
      maxBackoffSeconds: positive('maxBackoffSeconds', 600),
      sessionIdleMinutes: positive('sessions.idleTimeoutMinutes', 60),
      sessionMaxHours: positive('sessions.maxDurationHours', 168),
    },
    maxUploadBytes:
      (ml?.getOptionalNumber('storage.maxUploadMiB') ?? 100) * 1024 * 1024,
    seedDemo: ml?.getOptionalBoolean('seed.demo') ?? false,
    serving: {
      drainSeconds: readDrainSeconds(
        ml?.getOptionalNumber('serving.drainSeconds'),
      ),
      queueTimeoutMs: positiveAt('serving.queueTimeoutMs', 10_000),
      predictionTimeoutMs:
        positiveAt('serving.predictionTimeoutSeconds', 60) * 1000,
      recordPredictions:
        ml?.getOptionalBoolean('serving.recordPredictions') ?? true,
      usageSampleSeconds: positiveAt('serving.usageSampleSeconds', 15),
    },
    applications: {
      allowBypassAuthentication:
        ml?.getOptionalBoolean('applications.allowBypassAuthentication') ??
        false,
    },
    logs: {
      maxReadBytes: positiveAt('logs.maxReadKiB', 1024) * 1024,
      maxFollowStreamsPerUser: wholeAt('logs.maxFollowStreamsPerUser', 10),
    },
    defaultUserQuota:
      quota === undefined
        ? undefined
        : parseOrThrow(resourceLimitsSchema, quota, 'ml.defaultUserQuota'),
    runtimes,
  };
}
