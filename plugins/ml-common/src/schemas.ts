import { z } from 'zod';
import { parseCpuMillis, parseMemoryMiB } from './resources';
import {
  ENV_NAME_PATTERN,
  OWNER_REF_PATTERN,
  explainInvalidName,
} from './names';
import { COLLABORATOR_ROLES, CollaboratorRole } from './types';

/**
 * Zod schemas of the REST API's request bodies, shared so that the frontend's
 * forms and the backend's routers agree on what is valid (ADR014).
 */

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 4000;
const MAX_ENV_VARS = 200;
const MAX_ENV_VALUE = 32 * 1024;

/** @public */
export const dnsNameSchema = z.string().superRefine((value, ctx) => {
  const problem = explainInvalidName(value);
  if (problem) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  }
});

/** @public */
export const ownerRefSchema = z
  .string()
  .max(200)
  .regex(
    OWNER_REF_PATTERN,
    'must be a user or group entity ref such as "user:default/jane" or "group:default/ml-research"',
  );

/** @public */
export const collaboratorRoleSchema = z.enum(
  COLLABORATOR_ROLES as [CollaboratorRole, ...CollaboratorRole[]],
);

const titleSchema = z.string().trim().min(1).max(MAX_TITLE);
const descriptionSchema = z.string().max(MAX_DESCRIPTION);

/**
 * A number, or a quantity string that `parse` reads (undefined when it cannot:
 * the issue says `message`).
 */
function quantitySchema(
  parse: (value: number | string) => number | undefined,
  message: string,
) {
  return z.union([z.number(), z.string().max(32)]).transform((value, ctx) => {
    const parsed = parse(value);
    if (parsed === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return parsed;
  });
}

/** vCPU of a number or quantity, as parseCpuMillis reads it. */
function vcpuOf(value: number | string): number | undefined {
  const millis = parseCpuMillis(value);
  return millis === undefined ? undefined : millis / 1000;
}

/** vCPU as a number (0.5) or a quantity ("500m"); becomes vCPU. */
export const cpuSchema = quantitySchema(
  vcpuOf,
  'must be a number of vCPU such as 0.5 or a quantity such as "500m"',
).pipe(z.number().min(0).max(100_000));

/** MiB as a number (2048) or a quantity ("2Gi"); becomes MiB. */
export const memorySchema = quantitySchema(
  parseMemoryMiB,
  'must be a number of MiB such as 2048 or a quantity such as "2Gi"',
).pipe(
  z
    .number()
    .int()
    .min(0)
    .max(1024 * 1024 * 1024),
);

const gpuSchema = z.number().int().min(0).max(64);

/** What a node or a profile has: some vCPU and memory. */
const nonZeroCpuSchema = cpuSchema.refine(v => v > 0, 'must be more than 0');
const nonZeroMemorySchema = memorySchema.refine(
  v => v > 0,
  'must be more than 0',
);

/**
 * One variable as written: a plain string, `{ secret: true, value }` to set a
 * secret, or `{ secret: true }` to keep the secret stored under that name.
 *
 * @public
 */
export const envValueSchema = z.union(
  [
    z.string().max(MAX_ENV_VALUE),
    z
      .object({
        secret: z.literal(true),
        value: z.string().max(MAX_ENV_VALUE).optional(),
      })
      .strict(),
  ],
  {
    error: () =>
      'must be a string, or {"secret": true, "value": "..."} for a secret ({"secret": true} alone keeps the stored value)',
  },
);

/** @public */
export const envSchema = z
  .record(
    z
      .string()
      .regex(ENV_NAME_PATTERN, 'must be a valid environment variable name'),
    envValueSchema,
  )
  .refine(env => Object.keys(env).length <= MAX_ENV_VARS, {
    message: `at most ${MAX_ENV_VARS} variables`,
  });

/**
 * Variables as a request writes them.
 *
 * @public
 */
export type EnvVarsInput = z.input<typeof envSchema>;

/** @public */
export const resourceLimitsSchema = z
  .object({
    cpu: cpuSchema,
    memoryMiB: memorySchema,
    gpu: gpuSchema.default(0),
  })
  .strict();

/** @public */
export const nodeGroupSchema = z
  .object({
    name: dnsNameSchema,
    cpu: nonZeroCpuSchema,
    memoryMiB: nonZeroMemorySchema,
    gpu: gpuSchema.default(0),
    minNodes: z.number().int().min(0).max(1000),
    maxNodes: z.number().int().min(1).max(1000),
    scaleUpDelaySeconds: z.number().int().min(0).max(3600).default(30),
  })
  .strict()
  .refine(g => g.maxNodes >= g.minNodes, {
    message: 'maxNodes must be at least minNodes',
    path: ['maxNodes'],
  });

const nodeGroupsSchema = z
  .array(nodeGroupSchema)
  .min(1, 'a workspace needs at least one node group')
  .max(20)
  .refine(groups => new Set(groups.map(g => g.name)).size === groups.length, {
    message: 'node group names must be unique',
  });

/** @public */
export const createWorkspaceSchema = z
  .object({
    name: dnsNameSchema,
    title: titleSchema.optional(),
    description: descriptionSchema.default(''),
    owner: ownerRefSchema.optional(),
    driver: z.enum(['local', 'kubernetes']).default('local'),
    nodeGroups: nodeGroupsSchema,
    env: envSchema.default({}),
    defaultUserQuota: resourceLimitsSchema.optional(),
  })
  .strict();

/** @public */
export const updateWorkspaceSchema = z
  .object({
    title: titleSchema,
    description: descriptionSchema,
    owner: ownerRefSchema,
    nodeGroups: nodeGroupsSchema,
    env: envSchema,
    defaultUserQuota: resourceLimitsSchema,
  })
  .partial()
  .strict();

const versionPart = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 ._+-]*$/,
    'must be letters, digits, spaces or ". _ + -"',
  );

/** @public */
export const createRuntimeSchema = z
  .object({
    editor: versionPart,
    kernel: versionPart,
    edition: versionPart,
    shortVersion: versionPart,
    maintenanceVersion: z.number().int().min(0).max(1_000_000),
    description: descriptionSchema.default(''),
    image: z.string().trim().min(1).max(500).optional(),
    command: z.string().trim().min(1).max(500).optional(),
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine(r => Boolean(r.image || r.command), {
    message:
      'a runtime needs an image (Kubernetes) or a command (local driver)',
    path: ['command'],
  });

/** @public */
export const updateRuntimeSchema = z
  .object({
    description: descriptionSchema,
    image: z.string().trim().min(1).max(500).nullable(),
    command: z.string().trim().min(1).max(500).nullable(),
    enabled: z.boolean(),
  })
  .partial()
  .strict();

/** @public */
export const createProfileSchema = z
  .object({
    name: dnsNameSchema,
    description: descriptionSchema.default(''),
    cpu: nonZeroCpuSchema,
    memoryMiB: nonZeroMemorySchema,
    gpu: gpuSchema.default(0),
  })
  .strict();

/** @public */
export const updateProfileSchema = z
  .object({
    description: descriptionSchema,
    cpu: nonZeroCpuSchema,
    memoryMiB: nonZeroMemorySchema,
    gpu: gpuSchema,
  })
  .partial()
  .strict();

/** @public */
export const createQuotaSchema = z
  .object({
    subject: ownerRefSchema,
    cpu: cpuSchema,
    memoryMiB: memorySchema,
    gpu: gpuSchema.default(0),
  })
  .strict();

/** @public */
export const updateQuotaSchema = z
  .object({ cpu: cpuSchema, memoryMiB: memorySchema, gpu: gpuSchema })
  .partial()
  .strict();

/** @public */
export const createProjectSchema = z
  .object({
    workspace: dnsNameSchema,
    name: dnsNameSchema,
    title: titleSchema.optional(),
    description: descriptionSchema.default(''),
    owner: ownerRefSchema.optional(),
    visibility: z.enum(['private', 'team', 'public']).default('private'),
    teamRole: collaboratorRoleSchema.default('contributor'),
    env: envSchema.default({}),
    templateRef: z.string().max(300).optional(),
  })
  .strict();

/** @public */
export const updateProjectSchema = z
  .object({
    title: titleSchema,
    description: descriptionSchema,
    owner: ownerRefSchema,
    visibility: z.enum(['private', 'team', 'public']),
    teamRole: collaboratorRoleSchema,
    env: envSchema,
  })
  .partial()
  .strict();

/** @public */
export const collaboratorSchema = z
  .object({
    subject: ownerRefSchema,
    role: collaboratorRoleSchema,
  })
  .strict();

/** @public */
export type CreateWorkspaceRequest = z.input<typeof createWorkspaceSchema>;
/** @public */
export type UpdateWorkspaceRequest = z.input<typeof updateWorkspaceSchema>;
/** @public */
export type CreateRuntimeRequest = z.input<typeof createRuntimeSchema>;
/** @public */
export type UpdateRuntimeRequest = z.input<typeof updateRuntimeSchema>;
/** @public */
export type CreateProfileRequest = z.input<typeof createProfileSchema>;
/** @public */
export type UpdateProfileRequest = z.input<typeof updateProfileSchema>;
/** @public */
export type CreateQuotaRequest = z.input<typeof createQuotaSchema>;
/** @public */
export type UpdateQuotaRequest = z.input<typeof updateQuotaSchema>;
/** @public */
export type CreateProjectRequest = z.input<typeof createProjectSchema>;
/** @public */
export type UpdateProjectRequest = z.input<typeof updateProjectSchema>;
/** @public */
export type CollaboratorRequest = z.input<typeof collaboratorSchema>;
