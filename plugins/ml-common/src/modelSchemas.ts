import { z } from 'zod';
import { dnsNameSchema, envSchema } from './schemas';

/** Request bodies of the models API: models, builds, deployments and keys. */

const MAX_DESCRIPTION = 4000;
const MAX_EXAMPLES = 20;
const MAX_REPLICAS = 20;
const PYTHON_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** @public */
export const createModelSchema = z
  .object({
    name: dnsNameSchema,
    description: z.string().max(MAX_DESCRIPTION).default(''),
    disableAuthentication: z.boolean().default(false),
  })
  .strict();

/** @public */
export const updateModelSchema = z
  .object({
    description: z.string().max(MAX_DESCRIPTION),
    disableAuthentication: z.boolean(),
  })
  .partial()
  .strict();

/** @public */
export const modelExampleSchema = z
  .object({ request: z.unknown(), response: z.unknown().optional() })
  .strict()
  .refine(e => e.request !== undefined, {
    message: 'request is required',
    path: ['request'],
  });

/** @public */
export const createModelBuildSchema = z
  .object({
    filePath: z.string().min(1).max(1024).optional(),
    functionName: z
      .string()
      .max(200)
      .regex(
        PYTHON_IDENTIFIER,
        'must be a Python function name such as "predict"',
      )
      .optional(),
    /** A model registry version whose artifacts the build serves. */
    registeredModel: z
      .object({
        name: z.string().min(1).max(256),
        version: z
          .string()
          .regex(/^[1-9][0-9]*$/, 'must be a version number such as "3"'),
      })
      .strict()
      .optional(),
    runtimeId: z.string().uuid(),
    /** The build workload's profile; the workspace's smallest when absent. */
    profile: dnsNameSchema.optional(),
    comment: z.string().max(MAX_DESCRIPTION).default(''),
    examples: z.array(modelExampleSchema).max(MAX_EXAMPLES).default([]),
    env: envSchema.default({}),
  })
  .strict()
  .superRefine((build, ctx) => {
    // A file and its function, or a registered version (which the
    // platform's MLflow wrapper can serve without one).
    if (!build.filePath !== !build.functionName) {
      ctx.addIssue({
        code: 'custom',
        path: [build.filePath ? 'functionName' : 'filePath'],
        message: 'filePath and functionName go together',
      });
    } else if (!build.filePath && !build.registeredModel) {
      ctx.addIssue({
        code: 'custom',
        path: ['filePath'],
        message:
          'name the model function (filePath and functionName) or a registered model version (registeredModel)',
      });
    }
  });

/** @public */
export const createModelDeploymentSchema = z
  .object({
    buildId: z.string().uuid(),
    replicas: z.number().int().min(1).max(MAX_REPLICAS).default(1),
    profile: dnsNameSchema,
    env: envSchema.default({}),
  })
  .strict();

/** @public */
export const updateModelDeploymentSchema = z
  .object({ replicas: z.number().int().min(1).max(MAX_REPLICAS) })
  .strict();

/** @public */
export const createModelAccessKeySchema = z
  .object({ name: z.string().trim().min(1).max(100).default('default') })
  .strict();

/** @public */
export type CreateModelRequest = z.input<typeof createModelSchema>;
/** @public */
export type UpdateModelRequest = z.input<typeof updateModelSchema>;
/** @public */
export type CreateModelBuildRequest = z.input<typeof createModelBuildSchema>;
/** @public */
export type CreateModelDeploymentRequest = z.input<
  typeof createModelDeploymentSchema
>;
/** @public */
export type UpdateModelDeploymentRequest = z.input<
  typeof updateModelDeploymentSchema
>;
/** @public */
export type CreateModelAccessKeyRequest = z.input<
  typeof createModelAccessKeySchema
>;
