import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ResourceLimits, createRuntimeSchema, resourceLimitsSchema } from '@ml-platform/plugin-ml-common';
import path from 'node:path';
import { z } from 'zod';

/** The ML plugin's settings, read once at start-up. */
export interface MlConfig {
  storageRoot: string;
  maxUploadBytes: number;
  seedDemo: boolean;
  defaultUserQuota?: ResourceLimits;
  runtimes: z.output<typeof createRuntimeSchema>[];
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, key: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(`Invalid config ${key}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
  }
  return result.data;
}

/** Reads `ml.*`; relative storage paths are relative to the working directory. */
export function readMlConfig(config: Config): MlConfig {
  const ml = config.getOptionalConfig('ml');
  const runtimes = (ml?.getOptionalConfigArray('runtimes') ?? []).map((r, i) =>
    parseOrThrow(createRuntimeSchema, r.get(), `ml.runtimes[${i}]`),
  );
  const quota = ml?.getOptional('defaultUserQuota');
  return {
    storageRoot: path.resolve(ml?.getOptionalString('storage.root') ?? '.ml-data'),
    maxUploadBytes: (ml?.getOptionalNumber('storage.maxUploadMiB') ?? 100) * 1024 * 1024,
    seedDemo: ml?.getOptionalBoolean('seed.demo') ?? false,
    defaultUserQuota:
      quota === undefined ? undefined : parseOrThrow(resourceLimitsSchema, quota, 'ml.defaultUserQuota'),
    runtimes,
  };
}
