import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ModelDeployment } from '@ml-platform/plugin-ml-common';
import { createOnce } from './createOnce';
import {
  defined,
  envField,
  optionalFlag,
  outputString,
  profileField,
  projectIdField,
  stepEndStateOutput,
  timeoutField,
  uuidString,
  Z,
} from './fields';
import { MlActionOptions } from './MlActionOptions';
import { modelDeployExamples } from './modelDeploy.examples';
import { stateWhenStepEnds } from './waitFor';

function isReady(deployment: ModelDeployment) {
  return (
    deployment.state === 'deployed' &&
    deployment.replicaStatus.some(replica => replica.ready)
  );
}

/** Input of the action, exported for the examples test. */
export const modelDeployInput = {
  projectId: projectIdField,
  modelId: uuidString('Id of the model'),
  buildId: uuidString(
    'Id of the build to serve, e.g. the `buildId` output of ml:model:build',
  ),
  replicas: (z: Z) =>
    z
      .number()
      .int()
      .min(1)
      .max(20)
      .optional()
      .describe('Number of replicas (default 1)'),
  profile: profileField,
  env: envField,
  waitForReady: optionalFlag(
    'Wait until the deployment is deployed and a replica is ready (default true)',
  ),
  timeoutSeconds: (z: Z) => timeoutField(z, 'the deployment', 600),
};

/**
 * `ml:model:deploy` (AMP `deploy_model`): serves a build with N replicas;
 * with `waitForReady` a template can end on a live endpoint.
 */
export function createMlModelDeployAction({
  ml,
  pollIntervalMs,
}: MlActionOptions) {
  return createTemplateAction({
    id: 'ml:model:deploy',
    description:
      'Deploys a model build as a REST endpoint and, with waitForReady, waits until a replica answers',
    examples: modelDeployExamples,
    schema: {
      input: modelDeployInput,
      output: {
        deploymentId: outputString('Id of the deployment'),
        state: stepEndStateOutput('the deployment'),
        endpointUrl: outputString(
          'URL to POST prediction requests to (Backstage user or API key auth)',
        ),
        cmlEndpointUrl: outputString(
          'CML-compatible URL taking {"accessKey", "request"}',
        ),
      },
    },
    async handler(ctx) {
      const {
        projectId,
        modelId,
        waitForReady,
        timeoutSeconds,
        ...deployment
      } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const created = await createOnce(
        ctx,
        `deployment.${projectId}.${modelId}.${deployment.buildId}`,
        ['id', 'state'],
        () =>
          ml.deployModel(projectId, modelId, defined(deployment), {
            credentials,
          }),
      );
      ctx.logger.info(
        `Deploying build ${deployment.buildId} as deployment ${created.id}`,
      );
      const state = await stateWhenStepEnds(ctx, {
        initial: created.state,
        wait: waitForReady,
        what: `deployment ${created.id} of model ${modelId}`,
        get: () =>
          ml.getDeployment(projectId, modelId, created.id, { credentials }),
        isDone: isReady,
        failedStates: ['failed', 'stopped'],
        pending: current => `${current.state} with no ready replica`,
        timeoutSeconds: timeoutSeconds ?? 600,
        intervalMs: pollIntervalMs,
        ended: reached => `Deployment ${created.id} is ${reached}`,
      });
      const base = await ml.getExternalBaseUrl();
      ctx.output('deploymentId', created.id);
      ctx.output('state', state);
      ctx.output(
        'endpointUrl',
        `${base}/projects/${projectId}/models/${modelId}/predict`,
      );
      ctx.output('cmlEndpointUrl', `${base}/model`);
    },
  });
}
