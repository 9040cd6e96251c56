import { mockCredentials } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/**
 * Checkpoints kept across runs of an action, with the semantics of the
 * scaffolder's task runner: a key that succeeded before returns its stored
 * value (undefined stored as {}) without running `fn` again.
 */
export class CheckpointStore {
  readonly saved = new Map<string, unknown>();

  checkpoint = async <T>(opts: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> => {
    if (this.saved.has(opts.key)) return this.saved.get(opts.key) as T;
    const value = await opts.fn();
    this.saved.set(opts.key, value ?? {});
    return value;
  };
}

/** The user every test task runs as. */
export const INITIATOR = 'user:default/jane';

/** A mock action context with a checkpoint store and outputs collected in an object. */
export function actionContext<TInput extends Record<string, any>>(
  input: TInput,
  options: { checkpoints?: CheckpointStore; workspacePath?: string } = {},
) {
  const outputs: Record<string, unknown> = {};
  const checkpoints = options.checkpoints ?? new CheckpointStore();
  // createMockActionContext ignores overrides of these, so they are set on its result.
  const ctx = {
    ...createMockActionContext<any>({
      input,
      ...(options.workspacePath
        ? { workspacePath: options.workspacePath }
        : {}),
    }),
    checkpoint: checkpoints.checkpoint,
    getInitiatorCredentials: async () => mockCredentials.user(INITIATOR),
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
  };
  return { ctx, outputs, checkpoints };
}

/** Runs an action's handler once in a fresh `actionContext`. */
export async function runAction<TInput extends Record<string, any>>(
  action: { handler(ctx: any): Promise<void> },
  input: TInput,
  options: { checkpoints?: CheckpointStore; workspacePath?: string } = {},
) {
  const run = actionContext(input, options);
  await action.handler(run.ctx);
  return run;
}

/**
 * Runs an action's handler twice on one checkpoint store, as the scaffolder
 * does when it retries a task.
 */
export async function runRetried<TInput extends Record<string, any>>(
  action: { handler(ctx: any): Promise<void> },
  input: TInput,
  options: { workspacePath?: string } = {},
) {
  const checkpoints = new CheckpointStore();
  const first = await runAction(action, input, { ...options, checkpoints });
  const second = await runAction(action, input, { ...options, checkpoints });
  return { first, second };
}
