import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createEngineHarness } from '../__testUtils__/engineHarness';

jest.setTimeout(60_000);
const databases = createTestDatabases();

/** WorkloadSpec.quota: the charged subject's limit, which the Kubernetes driver mirrors as a ResourceQuota. */
describe.each(databases.eachSupportedId())(
  'the charged quota in workload specs (%s)',
  databaseId => {
    let h: Awaited<ReturnType<typeof createEngineHarness>>;
    afterEach(() => h?.cleanup());
    /** The quota in the spec of work submitted in a new project of `owner`. */
    const quotaInSpecOf = async (project: string, owner: string) =>
      h.specOf((await h.submit(await h.project(project, owner), 1)).id)!.quota;

    it("passes a user's own quota, else the workspace's default user quota; teams without one get none", async () => {
      h = await createEngineHarness(databases, databaseId);
      expect(await quotaInSpecOf('jane-p', 'user:default/jane')).toEqual({
        cpu: 2,
        memoryMiB: 8192,
        gpu: 0,
      });

      await h.quotas.create({
        workspace: 'ws',
        subject: 'user:default/max',
        cpu: 3,
        memoryMiB: 4096,
        gpu: 1,
      });
      expect(await quotaInSpecOf('max-p', 'user:default/max')).toEqual({
        cpu: 3,
        memoryMiB: 4096,
        gpu: 1,
      });

      expect(
        await quotaInSpecOf('team-p', 'group:default/team'),
      ).toBeUndefined();

      await h.quotas.create({
        workspace: 'ws',
        subject: 'group:default/research',
        cpu: 1.5,
        memoryMiB: 2048,
        gpu: 0,
      });
      expect(
        await quotaInSpecOf('research-p', 'group:default/research'),
      ).toEqual({
        cpu: 1.5,
        memoryMiB: 2048,
        gpu: 0,
      });
    });

    it('passes the quota as it is at start time (a changed quota reaches the next start)', async () => {
      h = await createEngineHarness(databases, databaseId);
      const quota = await h.quotas.create({
        workspace: 'ws',
        subject: 'group:default/ops',
        cpu: 2,
        memoryMiB: 2048,
        gpu: 0,
      });
      const p = await h.project('ops-p', 'group:default/ops');
      const first = await h.submit(p, 1);
      expect(h.specOf(first.id)!.quota?.cpu).toBe(2);
      await h.quotas.update('ws', quota.id, { cpu: 3 });
      const stored = await h.state(first.id);
      expect((await h.engine.specFor(stored)).quota).toEqual({
        cpu: 3,
        memoryMiB: 2048,
        gpu: 0,
      });
    });
  },
);
