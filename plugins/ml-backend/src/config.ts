import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ResourceLimits,
  createRuntimeSchema,
  resourceLimitsSchema,
} from '@ml-platform/plugin-ml-common';
import path from 'node:path';
import { z } from 'zod';
import { SECRET_KEY_BYTES } from './secrets/SecretCipher';
import { decodeSecretKey } from './secrets/secretKey';

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

/** Per-project uids and gids for local workloads (the backend must be root). */
export interface LocalIsolationConfig {
  enabled: boolean;
  /** uid N goes with gid N; projects take uids from `first` to `first + count - 1`. */
  uidRange: { first: number; count: number };
}

export interface MlConfig {
  storageRoot: string;
  localDriver: { isolation: LocalIsolationConfig };
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
  /** `ml.secrets.key`: seals secret env; generated and stored when absent. */
  secretKey?: Buffer;
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

// Below: system accounts; 65534: nobody; 2^31 - 1 and up: uid_t edge cases.
const LOWEST_UID = 1000;
const HIGHEST_UID = 2 ** 31 - 2;
const NOBODY = 65534;

function readLocalIsolation(config: Config | undefined): LocalIsolationConfig {
  const key = 'ml.localDriver.isolation.uidRange';
  const first = config?.getOptionalNumber('uidRange.first') ?? 200_000;
  const count = config?.getOptionalNumber('uidRange.count') ?? 50_000;
  if (!Number.isInteger(first) || first < LOWEST_UID) {
    throw new InputError(
      `Invalid config ${key}.first: a whole number of at least ${LOWEST_UID}`,
    );
  }
  if (!Number.isInteger(count) || count < 1) {
    throw new InputError(`Invalid config ${key}.count: a whole number >= 1`);
  }
  const last = first + count - 1;
  if (last > HIGHEST_UID || (first <= NOBODY && NOBODY <= last)) {
    throw new InputError(
      `Invalid config ${key}: ${first}..${last} must end below ${HIGHEST_UID} and leave out ${NOBODY} (nobody)`,
    );
  }
  return {
    enabled: config?.getOptionalBoolean('enabled') ?? true,
    uidRange: { first, count },
  };
}

function readSecretKey(text: string | undefined): Buffer | undefined {
  if (text === undefined) return undefined;
  const key = decodeSecretKey(text);
  if (!key) {
    throw new InputError(
      `Invalid config ml.secrets.key: must be the base64 of ${SECRET_KEY_BYTES} random bytes (e.g. the output of "openssl rand -base64 ${SECRET_KEY_BYTES}")`,
    );
  }
  return key;
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
    localDriver: {
      isolation: readLocalIsolation(
        ml?.getOptionalConfig('localDriver.isolation'),
      ),
    },
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
    secretKey: readSecretKey(ml?.getOptionalString('secrets.key')),
    runtimes,
  };
}
