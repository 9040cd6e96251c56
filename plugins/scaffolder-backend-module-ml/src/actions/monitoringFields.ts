import { Z } from './fields';

/*
 * Input fields of the model monitoring actions, as in the ML API's
 * CreateModelMonitorRequest, PromotionPolicyInput and
 * ModelMonitoringSettingsInput (plugins/ml-backend/openapi.yaml).
 */

export const monitorMetricField = (z: Z) =>
  z
    .object({
      kind: z.enum(['quality', 'drift', 'technical', 'aggregate']),
      name: z.string().min(1).max(200).optional(),
      feature: z.string().min(1).max(200).optional(),
      statistic: z.enum(['psi', 'ks', 'chiSquare']).optional(),
    })
    .strict()
    .describe(
      'What the monitor watches: {kind: quality, name: mae|rmse|mape|accuracy|precision|recall|f1}, ' +
        '{kind: drift, feature, statistic: psi|ks|chiSquare}, {kind: technical, name: p95LatencyMs|errorRate} ' +
        'or {kind: aggregate, name}',
    );

export const monitoredFeaturesField = (z: Z) =>
  z
    .array(
      z
        .object({
          name: z.string().min(1).max(200),
          type: z.enum(['numeric', 'categorical']),
        })
        .strict(),
    )
    .max(50)
    .optional()
    .describe(
      'Request fields drift is computed for, e.g. [{name: size, type: numeric}]',
    );
