import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { MlNotifier, WorkloadNotification } from '@ml-platform/plugin-ml-node';
import { StoredWorkload } from '../../database';

/** The default sink: the Backstage notifications plugin (bell icon, e-mail processors). */
export class BackstageNotificationsNotifier implements MlNotifier {
  constructor(private readonly notifications: NotificationService) {}

  async notify(n: WorkloadNotification): Promise<void> {
    await this.notifications.send({
      recipients: { type: 'entity', entityRef: n.recipients },
      payload: {
        title: `${n.title} ${n.outcome.replace('_', ' ')}`,
        description: n.reason,
        link: n.link,
        severity: n.outcome === 'succeeded' ? 'low' : 'high',
        topic: 'ml-platform',
        // The same scope updates the recipient's notification of the job
        // (and marks it unread) rather than adding one per run.
        ...(n.jobId ? { scope: `ml-job:${n.jobId}` } : {}),
      },
    });
  }
}

/** Tells every notifier when a job run ends for good; a failing notifier is logged, not fatal. */
export function createJobNotifications(
  notifiers: () => MlNotifier[],
  logger: LoggerService,
) {
  return async (w: StoredWorkload) => {
    if (
      w.kind !== 'job' ||
      !w.jobId ||
      !['succeeded', 'failed', 'stopped', 'timed_out'].includes(w.state)
    ) {
      return;
    }
    const notification: WorkloadNotification = {
      outcome: w.state as WorkloadNotification['outcome'],
      workloadId: w.id,
      kind: w.kind,
      title: `Job run ${w.name ?? w.id}`,
      reason: w.reason,
      projectId: w.projectId,
      jobId: w.jobId,
      recipients: [...new Set([w.requester, w.chargedSubject])],
      link: `/ml/projects/${w.projectId}/jobs/${w.jobId}/runs/${w.id}`,
    };
    for (const notifier of notifiers()) {
      try {
        await notifier.notify(notification);
      } catch (error) {
        logger.warn(
          `A notifier failed for workload ${w.id}: ${(error as Error).message}`,
        );
      }
    }
  };
}
