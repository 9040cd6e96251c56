import { z } from 'zod';
import { dnsNameSchema, envSchema } from './schemas';

/** Request bodies of the engine's API: sessions and jobs. */

const argsSchema = z.array(z.string().max(4096)).max(100);
const MAX_TIMEOUT_SECONDS = 30 * 24 * 3600;

const jobFields = {
  name: z.string().trim().min(1).max(100),
  script: z.string().min(1).max(1024),
  args: argsSchema,
  env: envSchema,
  runtimeId: z.string().uuid(),
  profile: dnsNameSchema,
  timeoutSeconds: z.number().int().positive().max(MAX_TIMEOUT_SECONDS),
  maxRetries: z.number().int().min(0).max(10),
  retryBackoffSeconds: z.number().int().min(0).max(3600),
  schedule: z.string().trim().min(1).max(200),
  timezone: z.string().min(1).max(64),
  parentJobId: z.string().uuid(),
  enabled: z.boolean(),
};

/** @public */
export const jobCandidateSchema = z
  .object({
    model: z.string().min(1).max(63),
    kind: z.enum(['build', 'modelVersion']),
    filePath: z.string().min(1).max(1000).optional(),
    functionName: z.string().min(1).max(200).optional(),
  })
  .strict();

const notBoth = {
  message: 'a job has either a cron schedule or a parent job, not both',
  path: ['schedule'],
};

/** @public */
export const createJobSchema = z
  .object({
    name: jobFields.name,
    script: jobFields.script,
    args: jobFields.args.default([]),
    env: jobFields.env.default({}),
    runtimeId: jobFields.runtimeId,
    profile: jobFields.profile,
    timeoutSeconds: jobFields.timeoutSeconds.optional(),
    maxRetries: jobFields.maxRetries.default(0),
    retryBackoffSeconds: jobFields.retryBackoffSeconds.default(30),
    schedule: jobFields.schedule.optional(),
    timezone: jobFields.timezone.default('UTC'),
    parentJobId: jobFields.parentJobId.optional(),
    enabled: jobFields.enabled.default(true),
    candidate: jobCandidateSchema.optional(),
  })
  .strict()
  .refine(j => !(j.schedule && j.parentJobId), notBoth);

/** @public */
export const updateJobSchema = z
  .object({
    name: jobFields.name,
    script: jobFields.script,
    args: jobFields.args,
    env: jobFields.env,
    runtimeId: jobFields.runtimeId,
    profile: jobFields.profile,
    timeoutSeconds: jobFields.timeoutSeconds.nullable(),
    maxRetries: jobFields.maxRetries,
    retryBackoffSeconds: jobFields.retryBackoffSeconds,
    schedule: jobFields.schedule.nullable(),
    timezone: jobFields.timezone,
    parentJobId: jobFields.parentJobId.nullable(),
    enabled: jobFields.enabled,
    candidate: jobCandidateSchema.nullable(),
  })
  .partial()
  .strict()
  .refine(j => !(j.schedule && j.parentJobId), notBoth);

/** @public */
export const runJobSchema = z
  .object({ env: envSchema.default({}), args: argsSchema.optional() })
  .strict();

/** @public */
export const launchSessionSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    runtimeId: z.string().uuid(),
    profile: dnsNameSchema,
    env: envSchema.default({}),
  })
  .strict();

/** @public */
export type CreateJobRequest = z.input<typeof createJobSchema>;
/** @public */
export type UpdateJobRequest = z.input<typeof updateJobSchema>;
/** @public */
export type RunJobRequest = z.input<typeof runJobSchema>;
/** @public */
export type LaunchSessionRequest = z.input<typeof launchSessionSchema>;
