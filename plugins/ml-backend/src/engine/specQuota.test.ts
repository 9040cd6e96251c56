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
    const specOf = (id: string) =>
      [...h.driver.runs.values()].find(r => r.spec.workloadId === id)!.spec;

    it("passes a user's own quota, else the workspace's default user quota; teams without one get none", async () => {
      h = await createEngineHarness(databases, databaseId);
      const jane = await h.submit(
        await h.project('jane-p', 'user:default/jane'),
        1,
      );
      expect(specOf(jane.id).quota).toEqual({
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
      const max = await h.submit(
        await h.project('max-p', 'user:default/max'),
        1,
      );
      expect(specOf(max.id).quota).toEqual({ cpu: 3, memoryMiB: 4096, gpu: 1 });

      const unlimited = await h.submit(
        await h.project('team-p', 'group:default/team'),
        1,
      );
      expect(specOf(unlimited.id).quota).toBeUndefined();

      await h.quotas.create({
        workspace: 'ws',
        subject: 'group:default/research',
        cpu: 1.5,
        memoryMiB: 2048,
        gpu: 0,
      });
      const research = await h.submit(
        await h.project('research-p', 'group:default/research'),
        1,
      );
      expect(specOf(research.id).quota).toEqual({
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
      expect(specOf(first.id).quota?.cpu).toBe(2);
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
