import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ModelMonitoringApi } from '../monitoring/ModelMonitoringApi';
import {
  defined,
  nonEmptyString,
  optionalFlag,
  outputString,
  projectIdField,
  uuidString,
  Z,
} from './fields';
import { MlflowActionOptions } from './MlActionOptions';
import { modelPromotionPolicySetExamples } from './modelPromotionPolicySet.examples';

/** Input of the action, exported for the examples test. */
export const modelPromotionPolicySetInput = {
  projectId: projectIdField,
  modelId: uuidString('Id of the model, e.g. the `modelId` of ml:model:create'),
  metric: nonEmptyString('The evaluation metric compared, e.g. "rmse"'),
  better: (z: Z) =>
    z
      .enum(['higher', 'lower'])
      .describe('Whether a higher or a lower value is better'),
  source: (z: Z) =>
    z
      .enum(['mlflowRun', 'jobOutput'])
      .optional()
      .describe(
        "Where the candidate's value comes from: its MLflow run (default) or the file named by ML_CANDIDATE_METRICS_FILE (jobOutput)",
      ),
  margin: (z: Z) =>
    z
      .number()
      .min(0)
      .optional()
      .describe('How much better the candidate must be (default 0)'),
  enabled: optionalFlag('Whether candidates are weighed (default true)'),
};

/**
 * `ml:model:promotion-policy:set`: gates redeploys. A candidate of a job
 * (`candidate` of ml:job:create) replaces the active deployment only when its
 * metric beats the active one's.
 */
export function createMlModelPromotionPolicySetAction({
  ml,
  auth,
}: MlflowActionOptions) {
  const api = new ModelMonitoringApi({ ml, auth });
  return createTemplateAction({
    id: 'ml:model:promotion-policy:set',
    description:
      "Sets a model's promotion policy: a job's candidate is deployed only when its metric beats the active deployment's",
    examples: modelPromotionPolicySetExamples,
    schema: {
      input: modelPromotionPolicySetInput,
      output: {
        metric: outputString('The metric candidates are weighed on'),
      },
    },
    async handler(ctx) {
      const { projectId, modelId, ...policy } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      // A PUT: a retried task sets the same policy again.
      const saved = await api.putPromotionPolicy(
        projectId,
        modelId,
        defined(policy),
        credentials,
      );
      ctx.logger.info(
        `Candidates of model ${modelId} are promoted when ${saved.metric} is ${saved.better} by ${saved.margin}`,
      );
      ctx.output('metric', saved.metric);
    },
  });
}
