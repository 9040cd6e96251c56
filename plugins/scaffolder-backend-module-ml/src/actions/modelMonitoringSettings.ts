import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ModelMonitoringApi } from '../monitoring/ModelMonitoringApi';
import {
  defined,
  optionalString,
  outputString,
  projectIdField,
  uuidString,
  Z,
} from './fields';
import { MlflowActionOptions } from './MlActionOptions';
import { modelMonitoringSettingsExamples } from './modelMonitoringSettings.examples';
import { monitoredFeaturesField } from './monitoringFields';

/** Input of the action, exported for the examples test. */
export const modelMonitoringSettingsInput = {
  projectId: projectIdField,
  modelId: uuidString('Id of the model, e.g. the `modelId` of ml:model:create'),
  task: (z: Z) =>
    z
      .enum(['regression', 'classification'])
      .describe('What the model predicts: regression or classification'),
  predictionMetric: optionalString(
    'The tracked metric that holds the prediction, e.g. "prediction"',
  ),
  truthMetric: optionalString(
    'The delayed metric that holds its ground truth, e.g. "actual"',
  ),
  features: monitoredFeaturesField,
  baselineSize: (z: Z) =>
    z
      .number()
      .int()
      .min(10)
      .max(100_000)
      .optional()
      .describe('Values a drift baseline keeps per feature (default 10,000)'),
};

/**
 * `ml:model:monitoring-settings`: says what a model's quality and drift are
 * computed from (its prediction and truth metrics, its request features).
 * Setting them replaces what a build's lineage.yaml declares.
 */
export function createMlModelMonitoringSettingsAction({
  ml,
  auth,
}: MlflowActionOptions) {
  const api = new ModelMonitoringApi({ ml, auth });
  return createTemplateAction({
    id: 'ml:model:monitoring-settings',
    description:
      "Sets what a model's quality and drift are computed from: its prediction and ground-truth metrics and request features",
    examples: modelMonitoringSettingsExamples,
    schema: {
      input: modelMonitoringSettingsInput,
      output: {
        source: outputString(
          'Where the settings now come from (`settings` after this step)',
        ),
      },
    },
    async handler(ctx) {
      const { projectId, modelId, ...settings } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      // A PUT: a retried task sets the same settings again.
      const saved = await api.putSettings(
        projectId,
        modelId,
        defined(settings),
        credentials,
      );
      ctx.logger.info(
        `Model ${modelId} is monitored as ${saved.task} with ${saved.features.length} feature(s)`,
      );
      ctx.output('source', saved.source);
    },
  });
}
