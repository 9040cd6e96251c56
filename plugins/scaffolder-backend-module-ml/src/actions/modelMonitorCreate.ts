import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ModelMonitoringApi } from '../monitoring/ModelMonitoringApi';
import { createOnce } from './createOnce';
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
import { modelMonitorCreateExamples } from './modelMonitorCreate.examples';
import { monitorMetricField } from './monitoringFields';

const seconds = (z: Z, min: number, description: string) =>
  z
    .number()
    .int()
    .min(min)
    .max(30 * 24 * 3600)
    .optional()
    .describe(description);

/** Input of the action, exported for the examples test. */
export const modelMonitorCreateInput = {
  projectId: projectIdField,
  modelId: uuidString('Id of the model, e.g. the `modelId` of ml:model:create'),
  name: nonEmptyString('DNS-style name of the monitor, e.g. "size-drift"'),
  metric: monitorMetricField,
  threshold: (z: Z) => z.number().describe('The value it alerts beyond'),
  direction: (z: Z) =>
    z
      .enum(['above', 'below'])
      .describe('above: alerting while the value is above the threshold'),
  windowSeconds: (z: Z) =>
    seconds(z, 60, 'Length of the evaluated windows (default 3600)'),
  minSamples: (z: Z) =>
    z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe(
        'Fewer samples in a window give insufficient_data (default 30)',
      ),
  cooldownSeconds: (z: Z) =>
    seconds(
      z,
      0,
      'Least time between two runs of the trigger job (default 3600)',
    ),
  triggerJobId: (z: Z) =>
    z
      .string()
      .uuid()
      .optional()
      .describe(
        'A job of the project started when the monitor alerts, e.g. a retraining job',
      ),
  enabled: optionalFlag('Whether it is evaluated (default true)'),
};

/**
 * `ml:model:monitor:create`: watches a model's quality, drift or serving
 * metric per window and, on alerting, starts a job (the retrain loop).
 */
export function createMlModelMonitorCreateAction({
  ml,
  auth,
}: MlflowActionOptions) {
  const api = new ModelMonitoringApi({ ml, auth });
  return createTemplateAction({
    id: 'ml:model:monitor:create',
    description:
      "Creates a monitor on a model's quality, drift or serving metric that alerts beyond a threshold and can start a job",
    examples: modelMonitorCreateExamples,
    schema: {
      input: modelMonitorCreateInput,
      output: {
        monitorId: outputString('Id of the monitor'),
        state: outputString(
          'State of the monitor (pending until its first window)',
        ),
      },
    },
    async handler(ctx) {
      const { projectId, modelId, ...monitor } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const created = await createOnce(
        ctx,
        `monitor.${projectId}.${modelId}.${monitor.name}`,
        ['id', 'state'],
        () =>
          api.createMonitor(projectId, modelId, defined(monitor), credentials),
      );
      ctx.logger.info(`Created monitor "${monitor.name}" (${created.id})`);
      ctx.output('monitorId', created.id);
      ctx.output('state', created.state);
    },
  });
}
