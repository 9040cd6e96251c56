import { z } from 'zod';

/** Request bodies of a model's quality and drift settings and baselines. */

/** @public */
export const monitoringTaskSchema = z.enum(['regression', 'classification']);

/** @public */
export const monitoredFeatureSchema = z
  .object({
    name: z.string().min(1).max(200),
    type: z.enum(['numeric', 'categorical']),
  })
  .strict();

/** @public */
export const modelMonitoringSettingsInputSchema = z
  .object({
    task: monitoringTaskSchema,
    predictionMetric: z.string().max(200).optional(),
    truthMetric: z.string().max(200).optional(),
    features: z
      .array(monitoredFeatureSchema)
      .max(50)
      .refine(
        features => new Set(features.map(f => f.name)).size === features.length,
        { message: 'feature names must be unique' },
      )
      .optional(),
    baselineSize: z.number().int().min(10).max(100_000).optional(),
  })
  .strict();

/** @public */
export const takeDriftBaselineSchema = z
  .object({
    source: z.enum(['dataset', 'examples', 'predictions']),
    buildId: z.string().uuid().optional(),
    path: z.string().min(1).max(1000).optional(),
    deploymentId: z.string().uuid().optional(),
    size: z.number().int().min(10).max(100_000).optional(),
  })
  .strict();
