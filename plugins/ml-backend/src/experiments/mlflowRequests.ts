import { z } from 'zod';
import { RUN_STATUSES } from './tracking/types';

/**
 * MLflow's request messages (`service.proto`) as they come over JSON or a
 * query string. Clients written against protobuf's JSON mapping send int64
 * fields as strings and non-finite doubles as "NaN"/"Infinity"; both are
 * taken, as MLflow's own server does.
 */

const int64 = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/, 'expected an integer')
    .transform(Number),
]);

const NON_FINITE = ['NaN', 'Infinity', '-Infinity'] as const;

const double = z.union([
  z.number(),
  z.enum(NON_FINITE),
  z
    .string()
    .regex(/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, 'expected a number')
    .transform(Number),
]);

const id = z.union([z.string().min(1), z.number().int().transform(String)]);

const keyValue = z.object({
  key: z.string(),
  value: z.union([z.string(), z.number().transform(String)]),
});

const tags = z.array(keyValue).optional();

const VIEW_TYPES = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'] as const;

/** ViewType by name, or by its proto number as some clients send it. */
const viewType = z
  .union([
    z.enum(VIEW_TYPES),
    z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .transform(n => VIEW_TYPES[n - 1]),
  ])
  .optional()
  .default('ACTIVE_ONLY');

const runStatus = z.union([
  z.enum(RUN_STATUSES),
  z
    .number()
    .int()
    .min(1)
    .max(5)
    .transform(n => RUN_STATUSES[n - 1]),
]);

/** A single string, or a list of them (a repeated field in a query string). */
const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform(v => (Array.isArray(v) ? v : [v]));

/** `run_id`, or its older name `run_uuid`, which many clients still send. */
const runRef = {
  run_id: z.string().optional(),
  run_uuid: z.string().optional(),
};

const metric = z.object({
  key: z.string(),
  value: double,
  timestamp: int64,
  step: int64.optional().default(0),
});

export const mlflowRequests = {
  createExperiment: z.object({
    name: z.string().optional(),
    artifact_location: z.string().optional(),
    tags,
  }),
  experimentId: z.object({ experiment_id: id }),
  experimentName: z.object({ experiment_name: z.string().min(1) }),
  searchExperiments: z.object({
    max_results: int64.optional(),
    page_token: z.string().optional(),
    filter: z.string().optional(),
    order_by: stringList.optional(),
    view_type: viewType,
  }),
  updateExperiment: z.object({
    experiment_id: id,
    new_name: z.string().optional(),
  }),
  setExperimentTag: z.object({
    experiment_id: id,
    key: z.string(),
    value: z.string(),
  }),
  deleteExperimentTag: z.object({ experiment_id: id, key: z.string() }),
  createRun: z.object({
    experiment_id: id.optional(),
    user_id: z.string().optional(),
    run_name: z.string().optional(),
    start_time: int64.optional(),
    tags,
  }),
  runRef: z.object(runRef),
  updateRun: z.object({
    ...runRef,
    status: runStatus.optional(),
    end_time: int64.optional(),
    run_name: z.string().optional(),
  }),
  searchRuns: z.object({
    experiment_ids: z.array(id).optional().default([]),
    filter: z.string().optional(),
    run_view_type: viewType,
    max_results: int64.optional(),
    order_by: stringList.optional(),
    page_token: z.string().optional(),
  }),
  logMetric: z.object({ ...runRef, ...metric.shape }),
  logParam: z.object({
    ...runRef,
    key: z.string(),
    value: keyValue.shape.value,
  }),
  setTag: z.object({ ...runRef, key: z.string(), value: keyValue.shape.value }),
  deleteTag: z.object({ ...runRef, key: z.string() }),
  logBatch: z.object({
    ...runRef,
    metrics: z.array(metric).optional(),
    params: z.array(keyValue).optional(),
    tags,
  }),
  logInputs: z.object({
    ...runRef,
    datasets: z
      .array(
        z.object({
          tags: z.array(keyValue).optional().default([]),
          dataset: z.object({
            name: z.string(),
            digest: z.string(),
            source_type: z.string(),
            source: z.string(),
            schema: z.string().optional(),
            profile: z.string().optional(),
          }),
        }),
      )
      .optional()
      .default([]),
  }),
  logModel: z.object({ ...runRef, model_json: z.string() }),
  metricHistory: z.object({
    ...runRef,
    metric_key: z.string().min(1),
    max_results: int64.optional(),
    page_token: z.string().optional(),
  }),
};
