import {
  createTemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import type { z as zod } from 'zod/v3';
import { createOnce } from './createOnce';
import { defined, Z } from './fields';
import { MlActionOptions } from './MlActionOptions';

/** The fields a thing made in a project has at least, as action inputs. */
type InProjectInput = Record<'projectId' | 'name', (z: Z) => zod.ZodString> &
  Record<string, (z: Z) => zod.ZodTypeAny>;

/**
 * An action that makes one named thing in a project (a job, a model) once
 * per task, as the initiating user, and outputs its id and name as
 * `<thing>Id` and `<thing>Name`.
 */
export function createInProjectAction(
  { ml }: MlActionOptions,
  options: {
    id: string;
    description: string;
    examples: TemplateExample[];
    input: InProjectInput;
    /** What is made, e.g. `job`: names the outputs and the checkpoint. */
    thing: string;
    /** The call of the ML API that makes it. */
    method: 'createJob' | 'createModel';
  },
) {
  const { thing, method } = options;
  return createTemplateAction({
    id: options.id,
    description: options.description,
    examples: options.examples,
    schema: {
      input: options.input,
      output: {
        [`${thing}Id`]: (z: Z) => z.string().describe(`Id of the ${thing}`),
        [`${thing}Name`]: (z: Z) => z.string().describe(`Name of the ${thing}`),
      },
    },
    async handler(ctx) {
      const { projectId, ...fields } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const created = await createOnce(
        ctx,
        `${thing}.${projectId}.${fields.name}`,
        ['id', 'name'],
        (): Promise<{ id: string; name: string }> =>
          ml[method](projectId, defined(fields), { credentials }),
      );
      ctx.logger.info(`Created ${thing} "${created.name}" (${created.id})`);
      ctx.output(`${thing}Id`, created.id);
      ctx.output(`${thing}Name`, created.name);
    },
  });
}
