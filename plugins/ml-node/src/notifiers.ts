import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * A workload that ended in a way people want to hear about: a job run that
 * succeeded, failed, timed out or was stopped.
 *
 * @public
 */
export interface WorkloadNotification {
  outcome: 'succeeded' | 'failed' | 'stopped' | 'timed_out';
  workloadId: string;
  kind: string;
  /** What ended, e.g. "Job train #4 in project churn". */
  title: string;
  /** Why, e.g. "exited with code 3". */
  reason?: string;
  projectId: string;
  /**
   * The job a run belongs to. Its notifications are one thread: each run's
   * end replaces the last one's instead of piling up.
   */
  jobId?: string;
  /** Who should hear: the requester and the project owner. */
  recipients: string[];
  /** A path in the portal, e.g. "/ml/projects/<id>/jobs/<jobId>/runs/<runId>". */
  link: string;
}

/**
 * Somewhere notifications go: the Backstage notifications plugin by default;
 * modules can add e-mail, chat, …
 *
 * @public
 */
export interface MlNotifier {
  notify(notification: WorkloadNotification): Promise<void>;
}

/** @public */
export interface MlNotifierExtensionPoint {
  addNotifier(notifier: MlNotifier): void;
}

/** @public */
export const mlNotifierExtensionPoint =
  createExtensionPoint<MlNotifierExtensionPoint>({
    id: 'ml.notifier',
  });
