import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';

const UNIT_MS: Record<string, number> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/**
 * A scheduler for tests that runs tasks at their frequency (the mock
 * scheduler runs them only when told, and the ML engine's reconcile loop
 * must really run), without overlapping runs of a task.
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
      const frequency = task.frequency as Record<string, number>;
      if ('cron' in frequency || 'trigger' in frequency) return;
      const ms = Object.entries(frequency).reduce(
        (sum, [unit, value]) => sum + (UNIT_MS[unit] ?? 0) * value,
        0,
      );
      const run = async () => {
        if (running.has(task.id)) return;
        running.add(task.id);
        try {
          await task.fn(new AbortController().signal);
        } catch {
          // retried at the next interval, as in production
        } finally {
          running.delete(task.id);
        }
      };
      timers.push(setInterval(run, Math.max(ms, 50)));
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
