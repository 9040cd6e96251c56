import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Duration } from 'luxon';

/** Each scheduled task's run, by task id, for tests that run one on demand. */
const runsByTaskId = new Map<string, () => Promise<void>>();

/**
 * Runs a task the plugin scheduled once, now (after a run under way ends),
 * and rethrows its error: tests drive slow ticks (e.g. monitors every 30 s)
 * this way rather than waiting for them.
 */
export async function runScheduledTask(id: string): Promise<void> {
  const run = runsByTaskId.get(id);
  if (!run) throw new Error(`No task '${id}' was scheduled`);
  await run();
}

/**
 * A scheduler for tests that really runs tasks at their frequency (the mock
 * scheduler only runs them when told), without overlapping runs of a task.
 */
export const intervalSchedulerFactory = createServiceFactory({
  service: coreServices.scheduler,
  deps: { lifecycle: coreServices.lifecycle },
  async factory({ lifecycle }) {
    const timers: NodeJS.Timeout[] = [];
    const running = new Set<string>();
    const underWay = new Set<Promise<void>>();
    // A run still under way when the backend stops would go on against a
    // closed database, and its errors would land in whichever test runs next
    // in this worker: wait for it.
    lifecycle.addShutdownHook(async () => {
      timers.forEach(clearInterval);
      await Promise.allSettled([...underWay]);
    });
    const scheduleTask = async (
      task: SchedulerServiceTaskScheduleDefinition &
        SchedulerServiceTaskInvocationDefinition,
    ) => {
      const frequency = task.frequency as object;
      if ('cron' in frequency || 'trigger' in frequency) return;
      const ms = Duration.fromObject(frequency as any).as('milliseconds');
      let current: Promise<void> | undefined;
      const once = async () => {
        while (current) await current.catch(() => undefined);
        const run = Promise.resolve(task.fn(new AbortController().signal));
        const settled = run.then(
          () => undefined,
          () => undefined,
        );
        current = settled;
        underWay.add(settled);
        try {
          await run;
        } finally {
          current = undefined;
          underWay.delete(settled);
        }
      };
      runsByTaskId.set(task.id, once);
      const run = async () => {
        if (running.has(task.id) || current) return;
        running.add(task.id);
        try {
          await once();
        } catch {
          // A failing run is retried at the next interval, as in production.
        } finally {
          running.delete(task.id);
        }
      };
      timers.push(setInterval(run, ms));
    };
    return {
      scheduleTask,
      createScheduledTaskRunner: (
        schedule: SchedulerServiceTaskScheduleDefinition,
      ) => ({
        run: (task: SchedulerServiceTaskInvocationDefinition) =>
          scheduleTask({ ...schedule, ...task }),
      }),
      triggerTask: async () => {},
      cancelTask: async () => {},
      getScheduledTasks: async () => [],
    } as any;
  },
});
