import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';
import { WorkloadStore } from '../database';
import { ModelStore } from '../models/ModelStore';
import { ModelDeploymentStore } from '../models/deployments/ModelDeploymentStore';
import { LiveStateSignals } from './LiveStateSignals';
import { StateChangeFeed } from './StateChangeFeed';
import { StateChangeStore } from './StateChangeStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const id = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const PROJECT_A = id(1);
const PROJECT_B = id(2);

describe.each(databases.eachSupportedId())(
  'StateChangeFeed on %s',
  databaseId => {
    let knex: any;
    let workloads: WorkloadStore;
    let deployments: ModelDeploymentStore;
    const publish = jest.fn(async () => {});
    const logger = mockServices.logger.mock();
    let feed: StateChangeFeed;

    /** The signals of the last tick, as `channel: change`. */
    const signalled = () =>
      (publish.mock.calls as any[][]).map(
        ([s]) => `${s.channel}: ${s.message.change}`,
      );

    const queueWorkload = (n: number, projectId: string, workspace: string) =>
      workloads.insert({
        id: id(n),
        kind: 'job',
        projectId,
        workspace,
        runtimeId: id(9),
        resources: { cpu: 1, memoryMiB: 512, gpu: 0 },
        chargedSubject: 'user:default/a',
        requester: 'user:default/a',
        maxAttempts: 1,
        retryBackoffSeconds: 0,
        args: [],
        env: {},
        ports: [],
      });

    beforeAll(async () => {
      knex = await migratedDatabase(databases, databaseId);
      workloads = new WorkloadStore(knex);
      deployments = new ModelDeploymentStore(knex);
      await new ModelStore(knex).create({
        id: id(50),
        projectId: PROJECT_B,
        name: 'm',
        description: '',
        disableAuthentication: false,
        createdBy: 'user:default/a',
      });
    });

    beforeEach(async () => {
      publish.mockClear();
      feed = new StateChangeFeed({
        store: new StateChangeStore(knex),
        signals: new LiveStateSignals({ signals: { publish }, logger }),
        pageSize: 2,
      });
      // The first tick only takes the present: older changes are not news.
      await feed.tick();
    });

    afterAll(() => knex.destroy());

    it('reports nothing that happened before its first tick', async () => {
      const fresh = new StateChangeFeed({
        store: new StateChangeStore(knex),
        signals: new LiveStateSignals({ signals: { publish }, logger }),
      });
      await queueWorkload(30, PROJECT_A, 'ws');
      publish.mockClear();
      await fresh.tick();
      await fresh.tick();
      expect(publish).not.toHaveBeenCalled();
    });

    it('signals each project and workspace whose workloads changed, once per tick', async () => {
      await queueWorkload(10, PROJECT_A, 'ws');
      await queueWorkload(11, PROJECT_A, 'ws');
      await queueWorkload(12, PROJECT_B, 'gpu');
      // Five events: more than two pages of two are read in one tick.
      await workloads.transition(id(10), { from: ['queued'] }, 'starting');
      await workloads.transition(id(10), { from: ['starting'] }, 'running');
      await feed.tick();
      expect(signalled().sort()).toEqual([
        `ml:project:${PROJECT_A}: workload`,
        `ml:project:${PROJECT_B}: workload`,
        'ml:workspace:gpu: workload',
        'ml:workspace:ws: workload',
      ]);
      const published = publish.mock.calls.length;

      await feed.tick();
      expect(publish).toHaveBeenCalledTimes(published);
      await workloads.transition(id(12), { from: ['queued'] }, 'stopped');
      await feed.tick();
      expect(signalled().slice(published).sort()).toEqual([
        `ml:project:${PROJECT_B}: workload`,
        'ml:workspace:gpu: workload',
      ]);
    });

    it('signals the project of a deployment that changed, and not again', async () => {
      await deployments.create({
        id: id(60),
        modelId: id(50),
        buildId: id(51),
        replicas: 1,
        profile: 'small',
        env: {},
        createdBy: 'a',
      });
      await feed.tick();
      expect(signalled()).toEqual([`ml:project:${PROJECT_B}: deployment`]);
      await feed.tick();
      expect(publish).toHaveBeenCalledTimes(1);

      expect(
        await deployments.transition(id(60), ['deploying'], 'deployed'),
      ).toBe(true);
      await feed.tick();
      expect(signalled()).toEqual([
        `ml:project:${PROJECT_B}: deployment`,
        `ml:project:${PROJECT_B}: deployment`,
      ]);
    });

    it('catches a deployment whose update committed after a later one was read', async () => {
      const made = { modelId: id(50), buildId: id(51), replicas: 1 };
      await deployments.create({
        id: id(70),
        ...made,
        profile: 's',
        env: {},
        createdBy: 'a',
      });
      await feed.tick();
      publish.mockClear();
      // Stamped a second ago, committed now: behind what the feed has read.
      const earlier = new Date(Date.now() - 1000).toISOString();
      await knex('model_deployments')
        .where({ id: id(70) })
        .update({ state: 'failed', updated_at: earlier });
      await feed.tick();
      expect(signalled()).toEqual([`ml:project:${PROJECT_B}: deployment`]);
    });

    it('keeps going when a signal cannot be sent', async () => {
      publish.mockRejectedValueOnce(new Error('bus down'));
      await queueWorkload(20, PROJECT_A, 'ws');
      await feed.tick();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('bus down'),
      );
      await queueWorkload(21, PROJECT_A, 'ws');
      publish.mockClear();
      await feed.tick();
      expect(signalled()).toContain(`ml:project:${PROJECT_A}: workload`);
    });
  },
);

describe('LiveStateSignals.wrote', () => {
  it('signals the project a write went to, and nothing for other paths', async () => {
    const publish = jest.fn(async () => {});
    const live = new LiveStateSignals({
      signals: { publish },
      logger: mockServices.logger.mock(),
    });
    await live.wrote({ method: 'POST', path: '/projects/p1/jobs/j1/runs' });
    await live.wrote({ method: 'POST', path: '/workspaces/ws/quotas' });
    expect(publish.mock.calls).toEqual([
      [
        {
          recipients: { type: 'broadcast' },
          channel: 'ml:project:p1',
          message: { change: 'write' },
        },
      ],
    ]);
  });
});
