import { z } from 'zod';

/**
 * MLflow's model registry request messages (`model_registry.proto`) as
 * they come over JSON or a query string. Versions are strings on MLflow's
 * wire; numbers are taken too, as some clients send them.
 */

const name = z.string();

const version = z.union([z.string(), z.number().int().transform(String)]);

const int64 = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/, 'expected an integer')
    .transform(Number),
]);

const tagValue = z.union([z.string(), z.number().transform(String)]);

const tags = z.array(z.object({ key: z.string(), value: tagValue })).optional();

/** A single string, or a list of them (a repeated field in a query string). */
const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform(v => (Array.isArray(v) ? v : [v]));

/** A bool from JSON, or its spelling in a query string. */
const bool = z.union([
  z.boolean(),
  z.enum(['true', 'false', 'True', 'False']).transform(v => /^t/i.test(v)),
]);

const search = z.object({
  filter: z.string().optional(),
  max_results: int64.optional(),
  order_by: stringList.optional(),
  page_token: z.string().optional(),
});

const modelVersion = { name, version };

export const registryRequests = {
  createRegisteredModel: z.object({
    name: name.optional(),
    tags,
    description: z.string().optional(),
  }),
  registeredModelName: z.object({ name }),
  renameRegisteredModel: z.object({ name, new_name: z.string().optional() }),
  updateRegisteredModel: z.object({
    name,
    description: z.string().optional(),
  }),
  search,
  getLatestVersions: z.object({ name, stages: stringList.optional() }),
  setRegisteredModelTag: z.object({ name, key: z.string(), value: tagValue }),
  deleteRegisteredModelTag: z.object({ name, key: z.string() }),
  setAlias: z.object({ name, alias: z.string(), version }),
  alias: z.object({ name, alias: z.string() }),
  createModelVersion: z.object({
    name,
    source: z.string(),
    run_id: z.string().optional(),
    tags,
    run_link: z.string().optional(),
    description: z.string().optional(),
  }),
  modelVersion: z.object(modelVersion),
  updateModelVersion: z.object({
    ...modelVersion,
    description: z.string().optional(),
  }),
  transitionStage: z.object({
    ...modelVersion,
    stage: z.string(),
    archive_existing_versions: bool.optional().default(false),
  }),
  setModelVersionTag: z.object({
    ...modelVersion,
    key: z.string(),
    value: tagValue,
  }),
  deleteModelVersionTag: z.object({ ...modelVersion, key: z.string() }),
};
