import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ModelDeployment } from '@ml-platform/plugin-ml-common';
import { MlService } from '@ml-platform/plugin-ml-node';
import {
  defined,
  envField,
  profileField,
  projectIdField,
  timeoutField,
  Z,
} from './fields';
import { modelDeployExamples } from './modelDeploy.examples';
import { pollUntil } from './waitFor';

function isReady(deployment: ModelDeployment) {
  return (
    deployment.state === 'deployed' &&
    deployment.replicaStatus.some(replica => replica.ready)
  );
}

/** Input of the action, exported for the examples test. */
export const modelDeployInput = {
  projectId: projectIdField,
  modelId: (z: Z) => z.string().uuid().describe('Id of the model'),
  buildId: (z: Z) =>
    z
      .string()
      .uuid()
      .describe(
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
  waitForReady: (z: Z) =>
    z
      .boolean()
      .optional()
      .describe(
        'Wait until the deployment is deployed and a replica is ready (default true)',
      ),
  timeoutSeconds: (z: Z) => timeoutField(z, 'the deployment', 600),
};

/**
 * `ml:model:deploy` (AMP `deploy_model`): serves a build with N replicas;
 * with `waitForReady` a template can end on a live endpoint.
 */
export function createMlModelDeployAction(options: {
  ml: MlService;
  pollIntervalMs?: number;
}) {
  const { ml } = options;
  return createTemplateAction({
    id: 'ml:model:deploy',
    description:
      'Deploys a model build as a REST endpoint and, with waitForReady, waits until a replica answers',
    examples: modelDeployExamples,
    schema: {
      input: modelDeployInput,
      output: {
        deploymentId: z => z.string().describe('Id of the deployment'),
        state: z =>
          z.string().describe('State of the deployment when the step ended'),
        endpointUrl: z =>
          z
            .string()
            .describe(
              'URL to POST prediction requests to (Backstage user or API key auth)',
            ),
        cmlEndpointUrl: z =>
          z
            .string()
            .describe('CML-compatible URL taking {"accessKey", "request"}'),
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
      const created = await ctx.checkpoint({
        key: `deployment.${projectId}.${modelId}.${deployment.buildId}`,
        fn: async () => {
          const result = await ml.deployModel(
            projectId,
            modelId,
            defined(deployment),
            { credentials },
          );
          return { id: result.id, state: result.state as string };
        },
      });
      ctx.logger.info(
        `Deploying build ${deployment.buildId} as deployment ${created.id}`,
      );
      let state = created.state;
      if (waitForReady ?? true) {
        state = await pollUntil({
          what: `deployment ${created.id} of model ${modelId}`,
          timeoutSeconds: timeoutSeconds ?? 600,
          intervalMs: options.pollIntervalMs,
          signal: ctx.signal,
          probe: async () => {
            const current = await ml.getDeployment(
              projectId,
              modelId,
              created.id,
              { credentials },
            );
            if (isReady(current)) return { done: true, value: current.state };
            if (current.state === 'failed' || current.state === 'stopped') {
              return {
                failed: `${current.state}${
                  current.reason ? `: ${current.reason}` : ''
                }`,
              };
            }
            return { pending: `${current.state} with no ready replica` };
          },
        });
        ctx.logger.info(`Deployment ${created.id} is ${state}`);
      }
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
