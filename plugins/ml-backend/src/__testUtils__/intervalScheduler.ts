import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Duration } from 'luxon';

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
    lifecycle.addShutdownHook(() => timers.forEach(clearInterval));
    const scheduleTask = async (
      task: SchedulerServiceTaskScheduleDefinition &
        SchedulerServiceTaskInvocationDefinition,
    ) => {
      const frequency = task.frequency as object;
      if ('cron' in frequency || 'trigger' in frequency) return;
      const ms = Duration.fromObject(frequency as any).as('milliseconds');
      const run = async () => {
        if (running.has(task.id)) return;
        running.add(task.id);
        try {
          await task.fn(new AbortController().signal);
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
