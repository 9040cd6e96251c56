import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { MlService } from '@ml-platform/plugin-ml-node';
import {
  defined,
  envField,
  profileField,
  projectIdField,
  runtimeIdField,
  timeoutField,
  Z,
} from './fields';
import { applicationStartExamples } from './applicationStart.examples';
import { pollUntil } from './waitFor';

const ENDED = ['failed', 'stopped', 'timed_out', 'succeeded'];

/** Input of the action, exported for the examples test. */
export const applicationStartInput = {
  projectId: projectIdField,
  name: (z: Z) =>
    z
      .string()
      .min(1)
      .describe('Name of the application, e.g. "Model dashboard"'),
  slug: (z: Z) =>
    z
      .string()
      .min(1)
      .describe(
        'Unique DNS-style slug; the app is served at /api/ml/apps/<slug>/',
      ),
  description: (z: Z) =>
    z.string().optional().describe('What the application shows'),
  script: (z: Z) =>
    z
      .string()
      .min(1)
      .describe(
        'Script that serves HTTP on the port in $ML_APP_PORT (or CDSW_APP_PORT), e.g. "app.py"',
      ),
  runtimeId: runtimeIdField,
  profile: profileField,
  env: envField,
  waitForRunning: (z: Z) =>
    z
      .boolean()
      .optional()
      .describe('Wait until the application is running (default true)'),
  timeoutSeconds: (z: Z) => timeoutField(z, 'the application', 600),
};

/**
 * `ml:application:start` (AMP `start_application`): creates a long-running
 * web application in the project and starts it.
 */
export function createMlApplicationStartAction(options: {
  ml: MlService;
  pollIntervalMs?: number;
}) {
  const { ml } = options;
  return createTemplateAction({
    id: 'ml:application:start',
    description:
      'Creates an application (a long-running web app on a stable path) in an ML project and starts it',
    examples: applicationStartExamples,
    schema: {
      input: applicationStartInput,
      output: {
        appId: z => z.string().describe('Id of the application'),
        state: z =>
          z.string().describe('State of the application when the step ended'),
        url: z => z.string().describe('Absolute URL of the application'),
      },
    },
    async handler(ctx) {
      const { projectId, waitForRunning, timeoutSeconds, ...app } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const created = await ctx.checkpoint({
        key: `application.${projectId}.${app.slug}`,
        fn: async () => {
          const result = await ml.createApplication(projectId, defined(app), {
            credentials,
          });
          return {
            id: result.id,
            state: result.state as string,
            url: result.url,
          };
        },
      });
      ctx.logger.info(`Created application ${app.slug} (${created.id})`);
      // Creating may already start it; only a stopped application is started.
      const started = await ctx.checkpoint({
        key: `application-start.${created.id}`,
        fn: async () => {
          const current = await ml.getApplication(projectId, created.id, {
            credentials,
          });
          if (current.state !== 'stopped')
            return { state: current.state as string };
          const result = await ml.startApplication(projectId, created.id, {
            credentials,
          });
          return { state: result.state as string };
        },
      });
      let state = started.state;
      if (waitForRunning ?? true) {
        state = await pollUntil({
          what: `application ${app.slug}`,
          timeoutSeconds: timeoutSeconds ?? 600,
          intervalMs: options.pollIntervalMs,
          signal: ctx.signal,
          probe: async () => {
            const current = await ml.getApplication(projectId, created.id, {
              credentials,
            });
            if (current.state === 'running')
              return { done: true, value: current.state };
            if (ENDED.includes(current.state)) {
              return {
                failed: `${current.state}${
                  current.reason ? `: ${current.reason}` : ''
                }`,
              };
            }
            return { pending: current.state };
          },
        });
        ctx.logger.info(`Application ${app.slug} is ${state}`);
      }
      const base = await ml.getExternalBaseUrl();
      ctx.output('appId', created.id);
      ctx.output('state', state);
      ctx.output('url', `${base}/${created.url.replace(/^\//, '')}`);
    },
  });
}
