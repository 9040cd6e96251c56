import { mockServices } from '@backstage/backend-test-utils';
import { MlNotifier, WorkloadNotification } from '@ml-platform/plugin-ml-node';
import { StoredWorkload } from '../../database';
import {
  BackstageNotificationsNotifier,
  createJobNotifications,
} from './notifications';

const run = (extra: Partial<StoredWorkload>) =>
  ({
    id: 'w1',
    kind: 'job',
    jobId: 'j1',
    name: 'train #3',
    projectId: 'p1',
    state: 'failed',
    reason: 'exited with code 3',
    requester: 'user:default/jane',
    chargedSubject: 'group:default/team',
    ...extra,
  } as StoredWorkload);

describe('job notifications', () => {
  it('tells every notifier how a job run ended, and survives a failing one', async () => {
    const seen: WorkloadNotification[] = [];
    const broken: MlNotifier = {
      notify: async () => {
        throw new Error('smtp down');
      },
    };
    const logger = mockServices.logger.mock();
    const notify = createJobNotifications(
      () => [
        broken,
        {
          notify: async n => {
            seen.push(n);
          },
        },
      ],
      logger,
    );
    await notify(run({}));
    await notify(run({ kind: 'session', jobId: undefined }));
    expect(seen).toEqual([
      {
        outcome: 'failed',
        workloadId: 'w1',
        kind: 'job',
        title: 'Job run train #3',
        reason: 'exited with code 3',
        projectId: 'p1',
        jobId: 'j1',
        recipients: ['user:default/jane', 'group:default/team'],
        link: '/ml/projects/p1/jobs/j1/runs/w1',
      },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      'A notifier failed for workload w1: smtp down',
    );
  });

  it('sends to the Backstage notifications service', async () => {
    const send = jest.fn();
    await new BackstageNotificationsNotifier({ send }).notify({
      outcome: 'timed_out',
      workloadId: 'w1',
      kind: 'job',
      title: 'Job run x',
      projectId: 'p',
      recipients: ['user:default/jane'],
      link: '/ml/x',
    });
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: ['user:default/jane'] },
      payload: {
        title: 'Job run x timed out',
        description: undefined,
        link: '/ml/x',
        severity: 'high',
        topic: 'ml-platform',
      },
    });
  });

  it('keeps the runs of one job in one notification thread (its scope)', async () => {
    const send = jest.fn();
    const notifier = new BackstageNotificationsNotifier({ send });
    const notify = createJobNotifications(
      () => [notifier],
      mockServices.logger.mock(),
    );
    await notify(run({ id: 'w1', state: 'failed' }));
    await notify(run({ id: 'w2', state: 'succeeded' }));
    await notify(run({ id: 'w3', jobId: 'j2', state: 'succeeded' }));
    expect(
      send.mock.calls.map(([c]) => [c.payload.scope, c.payload.link]),
    ).toEqual([
      ['ml-job:j1', '/ml/projects/p1/jobs/j1/runs/w1'],
      ['ml-job:j1', '/ml/projects/p1/jobs/j1/runs/w2'],
      ['ml-job:j2', '/ml/projects/p1/jobs/j2/runs/w3'],
    ]);
  });
});
