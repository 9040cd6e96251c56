import { ActionContext } from '@backstage/plugin-scaffolder-node';

/** What a checkpoint can hold: JSON. */
type CheckpointValue = Awaited<ReturnType<ActionContext<{}>['checkpoint']>>;

/**
 * Makes something through the ML API once per task: the `fields` of what
 * `create` returned are kept in the checkpoint `key`, and a retried task gets
 * them back without making a second one.
 */
export async function createOnce<T, K extends keyof T & string>(
  ctx: Pick<ActionContext<{}>, 'checkpoint'>,
  key: string,
  fields: readonly K[],
  create: () => Promise<T>,
): Promise<Pick<T, K>> {
  const kept = await ctx.checkpoint<CheckpointValue>({
    key,
    fn: async () => {
      const created = await create();
      // The ML API's types are interfaces, which TypeScript does not take for JSON.
      return Object.fromEntries(
        fields.map(field => [field, created[field]]),
      ) as CheckpointValue;
    },
  });
  return kept as unknown as Pick<T, K>;
}
