import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createOnce } from './createOnce';
import {
  defined,
  envField,
  nonEmptyString,
  optionalFlag,
  optionalString,
  outputString,
  profileField,
  projectIdField,
  runtimeIdField,
  stepEndStateOutput,
  timeoutField,
  Z,
} from './fields';
import { applicationStartExamples } from './applicationStart.examples';
import { MlActionOptions } from './MlActionOptions';
import { stateWhenStepEnds } from './waitFor';

const ENDED = ['failed', 'stopped', 'timed_out', 'succeeded'];

/** Input of the action, exported for the examples test. */
export const applicationStartInput = {
  projectId: projectIdField,
  name: nonEmptyString('Name of the application, e.g. "Model dashboard"'),
  slug: nonEmptyString(
    'Unique DNS-style slug; the app is served at /api/ml/apps/<slug>/',
  ),
  description: optionalString('What the application shows'),
  script: nonEmptyString(
    'Script that serves HTTP on the port in $ML_APP_PORT (or CDSW_APP_PORT), e.g. "app.py"',
  ),
  runtimeId: runtimeIdField,
  profile: profileField,
  env: envField,
  waitForRunning: optionalFlag(
    'Wait until the application is running (default true)',
  ),
  timeoutSeconds: (z: Z) => timeoutField(z, 'the application', 600),
};

/**
 * `ml:application:start` (AMP `start_application`): creates a long-running
 * web application in the project and starts it.
 */
export function createMlApplicationStartAction({
  ml,
  pollIntervalMs,
}: MlActionOptions) {
  return createTemplateAction({
    id: 'ml:application:start',
    description:
      'Creates an application (a long-running web app on a stable path) in an ML project and starts it',
    examples: applicationStartExamples,
    schema: {
      input: applicationStartInput,
      output: {
        appId: outputString('Id of the application'),
        state: stepEndStateOutput('the application'),
        url: outputString('Absolute URL of the application'),
      },
    },
    async handler(ctx) {
      const { projectId, waitForRunning, timeoutSeconds, ...app } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const created = await createOnce(
        ctx,
        `application.${projectId}.${app.slug}`,
        ['id', 'state', 'url'],
        () => ml.createApplication(projectId, defined(app), { credentials }),
      );
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
      const state = await stateWhenStepEnds(ctx, {
        initial: started.state,
        wait: waitForRunning,
        what: `application ${app.slug}`,
        get: () => ml.getApplication(projectId, created.id, { credentials }),
        isDone: current => current.state === 'running',
        failedStates: ENDED,
        timeoutSeconds: timeoutSeconds ?? 600,
        intervalMs: pollIntervalMs,
        ended: reached => `Application ${app.slug} is ${reached}`,
      });
      const base = await ml.getExternalBaseUrl();
      ctx.output('appId', created.id);
      ctx.output('state', state);
      ctx.output('url', `${base}/${created.url.replace(/^\//, '')}`);
    },
  });
}
