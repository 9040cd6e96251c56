import { z } from 'zod';
import { dnsNameSchema } from './schemas';

/** The quality metrics a monitor of kind `quality` may watch. */
export const QUALITY_METRIC_NAMES = [
  'mae',
  'rmse',
  'mape',
  'accuracy',
  'precision',
  'recall',
  'f1',
] as const;

/** The drift statistics a monitor of kind `drift` may watch. */
export const DRIFT_STATISTICS = ['psi', 'ks', 'chiSquare'] as const;

/** The technical metrics a monitor of kind `technical` may watch. */
export const TECHNICAL_METRIC_NAMES = ['p95LatencyMs', 'errorRate'] as const;

const metricName = z.string().min(1).max(200);

/**
 * What a monitor watches: each kind names its metric its own way, and only
 * the fields of its kind.
 *
 * @public
 */
export const monitorMetricSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('quality'), name: z.enum(QUALITY_METRIC_NAMES) })
    .strict(),
  z
    .object({
      kind: z.literal('drift'),
      feature: metricName,
      statistic: z.enum(DRIFT_STATISTICS),
    })
    .strict(),
  z
    .object({
      kind: z.literal('technical'),
      name: z.enum(TECHNICAL_METRIC_NAMES),
    })
    .strict(),
  z.object({ kind: z.literal('aggregate'), name: metricName }).strict(),
]);

const windowSeconds = z.number().int().min(60).max(2_592_000);
const minSamples = z.number().int().min(1).max(1_000_000);
const cooldownSeconds = z.number().int().min(0).max(2_592_000);
const direction = z.enum(['above', 'below']);

/** @public */
export const createModelMonitorSchema = z
  .object({
    name: dnsNameSchema,
    metric: monitorMetricSchema,
    windowSeconds: windowSeconds.default(3600),
    threshold: z.number().finite(),
    direction,
    minSamples: minSamples.default(30),
    cooldownSeconds: cooldownSeconds.default(3600),
    triggerJobId: z.string().uuid().optional(),
    enabled: z.boolean().default(true),
  })
  .strict();

/** @public */
export const updateModelMonitorSchema = z
  .object({
    name: dnsNameSchema.optional(),
    metric: monitorMetricSchema.optional(),
    windowSeconds: windowSeconds.optional(),
    threshold: z.number().finite().optional(),
    direction: direction.optional(),
    minSamples: minSamples.optional(),
    cooldownSeconds: cooldownSeconds.optional(),
    triggerJobId: z.string().uuid().nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine(body => Object.keys(body).length > 0, {
    message: 'give at least one field to change',
  });
