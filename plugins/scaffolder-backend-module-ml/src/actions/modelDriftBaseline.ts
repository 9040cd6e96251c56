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
import { modelDriftBaselineExamples } from './modelDriftBaseline.examples';

/** Input of the action, exported for the examples test. */
export const modelDriftBaselineInput = {
  projectId: projectIdField,
  modelId: uuidString('Id of the model, e.g. the `modelId` of ml:model:create'),
  source: (z: Z) =>
    z
      .enum(['dataset', 'examples', 'predictions'])
      .describe(
        "Where the baseline comes from: a CSV of a build's snapshot (dataset), a build's examples, or a deployment's first predictions",
      ),
  buildId: (z: Z) =>
    z
      .string()
      .uuid()
      .optional()
      .describe(
        "For dataset and examples: the build (default the active deployment's)",
      ),
  path: optionalString(
    "For dataset: the CSV file of the build's snapshot (default the first dataset of its lineage.yaml)",
  ),
  deploymentId: (z: Z) =>
    z
      .string()
      .uuid()
      .optional()
      .describe('For predictions: the deployment (default the active one)'),
  size: (z: Z) =>
    z
      .number()
      .int()
      .min(10)
      .max(100_000)
      .optional()
      .describe('For predictions: how many of the first ones'),
};

/**
 * `ml:model:drift-baseline`: takes the distributions drift is measured
 * against, e.g. from the training CSV of the build a template just made.
 */
export function createMlModelDriftBaselineAction({
  ml,
  auth,
}: MlflowActionOptions) {
  const api = new ModelMonitoringApi({ ml, auth });
  return createTemplateAction({
    id: 'ml:model:drift-baseline',
    description:
      "Takes a model's drift baselines from a build's training CSV or examples, or a deployment's first predictions",
    examples: modelDriftBaselineExamples,
    schema: {
      input: modelDriftBaselineInput,
      output: {
        // A string: the task runner keeps only plain values of this realm.
        features: outputString(
          'The features that now have a baseline, comma-separated',
        ),
      },
    },
    async handler(ctx) {
      const { projectId, modelId, ...request } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      // Taking it again replaces it with the same sample: safe on a retry.
      const { items } = await api.takeBaseline(
        projectId,
        modelId,
        defined(request),
        credentials,
      );
      for (const baseline of items) {
        ctx.logger.info(
          `Baseline of ${baseline.feature}: ${baseline.size} values from ${baseline.source}`,
        );
      }
      ctx.output('features', items.map(baseline => baseline.feature).join(','));
    },
  });
}
