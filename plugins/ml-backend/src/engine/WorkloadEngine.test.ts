import { createTestDatabases } from '../__testUtils__/testDatabases';
import { GROUP, createEngineHarness } from '../__testUtils__/engineHarness';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'workload engine (%s)',
  databaseId => {
    let h: Awaited<ReturnType<typeof createEngineHarness>>;
    afterEach(() => h?.cleanup());

    /** A fresh harness with project `p` of `owner`. */
    async function harnessWithProject(owner: string) {
      h = await createEngineHarness(databases, databaseId);
      return h.project('p', owner);
    }

    /**
     * Room for 16 vCPU, a project of jane's (default quota: 2 vCPU) and one
     * of team ml-research, whose own quota is 8 vCPU.
     */
    async function janeAndHerTeam() {
      h = await createEngineHarness(databases, databaseId, {
        nodeGroups: [{ ...GROUP, cpu: 16, memoryMiB: 65536 }],
      });
      await h.knex('quotas').insert({
        id: 'q1',
        workspace: 'ws',
        subject: 'group:default/ml-research',
        cpu_millis: 8000,
        memory_mib: 65536,
        gpu: 0,
        created_at: '',
        updated_at: '',
      });
      return {
        mine: await h.project('mine', 'user:default/jane'),
        team: await h.project('team', 'group:default/ml-research'),
      };
    }

    it('runs a workload through queued → starting → running → succeeded with its history', async () => {
      const p = await harnessWithProject('user:default/jane');
      const w = await h.submit(p, 1);
      expect(w.state).toBe('starting');
      expect(h.driver.started).toEqual([`${w.id}#1`]);
      const spec = [...h.driver.runs.values()][0].spec;
      expect(spec.env).toMatchObject({
        ML_WORKLOAD_ID: w.id,
        ML_PROJECT_ID: p.id,
        ML_API_URL: 'http://127.0.0.1:7007/api/ml',
      });

      await h.reconciler.reconcile();
      expect((await h.state(w.id)).state).toBe('running');
      h.driver.exit(w.id, 0);
      await h.reconciler.reconcile();
      const done = await h.state(w.id);
      expect(done).toMatchObject({ state: 'succeeded', exitCode: 0 });
      expect(
        (await h.workloads.events(w.id)).map(e => `${e.from ?? '-'}>${e.to}`),
      ).toEqual([
        '->queued',
        'queued>starting',
        'starting>running',
        'running>succeeded',
      ]);
      expect(h.ended).toEqual([`${w.id}:succeeded`]);
      expect(h.driver.runs.size).toBe(0);
    });

    it('refuses at submit work that no node could ever hold, queueing nothing', async () => {
      const p = await harnessWithProject('group:default/team');
      await expect(h.submit(p, 16)).rejects.toThrow(
        'profile: 16 vCPU, 1 GiB fits no node of this workspace: standard (4 vCPU, 16 GiB per node)',
      );
      const [{ n }] = await h.knex('workloads').count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it("refuses at submit work beyond its subject's whole quota, naming the limit", async () => {
      const { mine, team } = await janeAndHerTeam();
      // jane's default quota is 2 vCPU in all; the team's own quota is 8.
      await expect(h.submit(mine, 4)).rejects.toThrow(
        'profile: this needs 4 vCPU, more than the whole quota of user jane (2 vCPU), so it could never start',
      );
      await expect(h.submit(team, 12)).rejects.toThrow(
        'profile: this needs 12 vCPU, more than the whole quota of team ml-research (8 vCPU), so it could never start',
      );
      const [{ n }] = await h.knex('workloads').count({ n: '*' });
      expect(Number(n)).toBe(0);
      // The whole quota still fits, even when it has to wait for it.
      expect((await h.submit(mine, 2)).state).toBe('starting');
      expect((await h.submit(team, 8)).state).toBe('starting');
    });

    it('charges a user project to the user and a team project to the team', async () => {
      const { mine, team } = await janeAndHerTeam();
      // jane's default quota is 2 vCPU: a second 2-vCPU job of hers waits.
      expect((await h.submit(mine, 2)).state).toBe('starting');
      const waits = await h.submit(mine, 2);
      expect(waits).toMatchObject({
        state: 'queued',
        reason: 'user jane uses 2 of 2 vCPU; this needs 2',
      });
      // The team's quota is separate, even when jane is the one asking.
      expect(
        (await h.submit(team, 6, { requester: 'user:default/jane' })).state,
      ).toBe('starting');
      const teamWaits = await h.submit(team, 4);
      expect(teamWaits.reason).toBe(
        'team ml-research uses 6 of 8 vCPU; this needs 4',
      );
      expect(teamWaits.queuePosition).toBeUndefined();
    });

    it('retries failures with capped exponential backoff, then fails for good', async () => {
      const p = await harnessWithProject('user:default/jane');
      const w = await h.submit(p, 1, {
        maxAttempts: 3,
        retryBackoffSeconds: 40,
      });
      await h.reconciler.reconcile();
      h.driver.exit(w.id, 3);
      await h.reconciler.reconcile();
      let s = await h.state(w.id);
      expect(s).toMatchObject({
        state: 'queued',
        attempt: 2,
        reason: 'attempt 1 exited with code 3; retrying in 40 s',
      });

      h.clock.now += 39_000;
      await h.reconciler.reconcile();
      expect((await h.state(w.id)).state).toBe('queued');
      h.clock.now += 2_000;
      await h.reconciler.reconcile();
      await h.reconciler.reconcile();
      expect((await h.state(w.id)).state).toBe('running');

      h.driver.exit(w.id, 1);
      await h.reconciler.reconcile();
      s = await h.state(w.id);
      // 40 s doubled is 80 s, capped at the configured 60 s.
      expect(s.reason).toBe('attempt 2 exited with code 1; retrying in 60 s');
      h.clock.now += 61_000;
      await h.reconciler.reconcile();
      await h.reconciler.reconcile();
      h.driver.exit(w.id, 1);
      await h.reconciler.reconcile();
      expect(await h.state(w.id)).toMatchObject({
        state: 'failed',
        attempt: 3,
        exitCode: 1,
      });
      expect(h.ended).toEqual([`${w.id}:failed`]);
      expect(h.driver.started).toEqual([`${w.id}#1`, `${w.id}#2`, `${w.id}#3`]);
    });

    it('times out work that runs too long and does not retry it', async () => {
      const p = await harnessWithProject('user:default/jane');
      const w = await h.submit(p, 1, { timeoutSeconds: 30, maxAttempts: 3 });
      await h.reconciler.reconcile();
      h.clock.now += 31_000;
      await h.reconciler.reconcile();
      expect(await h.state(w.id)).toMatchObject({
        state: 'timed_out',
        reason: 'ran longer than its timeout of 30 s',
      });
      expect(h.driver.stopped).toEqual([`${w.id}#1`]);
    });

    it('stops sessions that sit idle, counting console activity', async () => {
      const p = await harnessWithProject('user:default/jane');
      const w = await h.submit(p, 1, {
        kind: 'session',
        idleTimeoutSeconds: 60,
      });
      await h.reconciler.reconcile();
      h.clock.now += 50_000;
      await h.workloads.touchActivity(w.id);
      await h.reconciler.reconcile();
      expect((await h.state(w.id)).state).toBe('running');
      h.clock.now += 61_000;
      await h.reconciler.reconcile();
      expect(await h.state(w.id)).toMatchObject({
        state: 'stopped',
        reason: 'idle for more than 1 min',
      });
    });

    it('ends work the driver lost across a restart and retries it per policy', async () => {
      const p = await harnessWithProject('user:default/jane');
      const once = await h.submit(p, 1);
      const twice = await h.submit(p, 1, {
        maxAttempts: 2,
        retryBackoffSeconds: 0,
      });
      await h.reconciler.reconcile();
      h.driver.loseAll();
      await h.reconciler.reconcile();
      expect(await h.state(once.id)).toMatchObject({
        state: 'failed',
        reason: 'lost when the backend restarted',
      });
      // No backoff: the same pass re-admits the retry.
      expect(await h.state(twice.id)).toMatchObject({
        state: 'starting',
        attempt: 2,
      });
      // Quota holds exactly what really runs: only the retried attempt.
      const usage = await h.queue.usage('ws');
      expect(usage.cpu).toBe(1);
    });

    it('restarts admitted work the driver never heard of, once', async () => {
      const p = await harnessWithProject('user:default/jane');
      h.driver.failStarts = true;
      const failed = await h.submit(p, 1);
      expect(await h.state(failed.id)).toMatchObject({
        state: 'failed',
        reason: 'could not start: no such image',
      });
      h.driver.failStarts = false;
      const w = await h.submit(p, 1);
      h.driver.loseAll(); // the start "happened" but the driver does not know it
      await h.reconciler.reconcile();
      expect(h.driver.runs.size).toBe(0);
      h.clock.now += 31_000;
      await h.reconciler.reconcile();
      expect(h.driver.started.filter(k => k.startsWith(w.id))).toEqual([
        `${w.id}#1`,
        `${w.id}#1`,
      ]);
      await h.reconciler.reconcile();
      expect((await h.state(w.id)).state).toBe('running');
    });

    it('queues work again, same attempt, when the driver defers its start (a cluster quota refusal)', async () => {
      const p = await harnessWithProject('user:default/jane');
      h.driver.deferStarts = 'the cluster quota of namespace ml-p is used up';
      const w = await h.submit(p, 2);
      expect(await h.state(w.id)).toMatchObject({
        state: 'queued',
        attempt: 1,
        reason: 'the cluster quota of namespace ml-p is used up',
      });
      // Its reservation is freed: nothing holds jane's quota.
      expect((await h.queue.usage('ws')).cpu).toBe(0);
      h.driver.deferStarts = undefined;
      await h.reconciler.reconcile();
      expect((await h.state(w.id)).state).toBe('queued'); // waits out the retry delay
      h.clock.now += 16_000;
      await h.reconciler.reconcile();
      await h.reconciler.reconcile();
      expect(await h.state(w.id)).toMatchObject({
        state: 'running',
        attempt: 1,
      });
      expect(h.driver.started).toEqual([`${w.id}#1`]);
      expect(h.ended).toEqual([]);
    });

    it('leaves the work of an unavailable workspace alone until its driver is back', async () => {
      const p = await harnessWithProject('user:default/jane');
      const w = await h.submit(p, 1);
      await h.reconciler.reconcile();
      h.driver.unavailable = 'connect ECONNREFUSED 10.0.0.1:6443';
      h.driver.loseAll(); // what an unreachable cluster looks like from here
      const queued = await h.submit(p, 1);
      await h.reconciler.reconcile();
      expect((await h.state(w.id)).state).toBe('running');
      h.driver.unavailable = undefined;
      await h.reconciler.reconcile();
      expect(await h.state(w.id)).toMatchObject({
        state: 'failed',
        reason: 'lost when the backend restarted',
      });
      expect((await h.state(queued.id)).state).not.toBe('failed');
    });

    it('scales up for work that does not fit, starts it when the node is ready, and scales down when idle', async () => {
      const p = await harnessWithProject('group:default/big-team');
      const a = await h.submit(p, 4);
      const b = await h.submit(p, 4);
      expect(a.state).toBe('starting');
      expect(b).toMatchObject({
        state: 'queued',
        reason: 'scaling up node group standard: a new node is ready in ~20 s',
      });
      h.clock.now += 21_000;
      await h.reconciler.reconcile();
      expect((await h.state(b.id)).state).toBe('starting');
      const c = await h.submit(p, 1);
      expect(c.reason).toContain('maximum size');

      await h.reconciler.reconcile();
      h.driver.exit(b.id, 0);
      await h.reconciler.reconcile(); // b ends; c takes its node
      expect((await h.state(c.id)).state).toBe('starting');
      h.driver.exit(a.id, 0);
      await h.reconciler.reconcile();
      await h.reconciler.reconcile();
      h.driver.exit(c.id, 0);
      await h.reconciler.reconcile();
      h.clock.now += 301_000;
      await h.reconciler.reconcile();
      await h.reconciler.reconcile();
      const nodes = await h.knex('workspace_nodes').select('id');
      expect(nodes).toHaveLength(GROUP.minNodes);
    });

    it('stops queued and running work and admits what was waiting', async () => {
      const p = await harnessWithProject('user:default/jane');
      const a = await h.submit(p, 2);
      const b = await h.submit(p, 2);
      expect(b.state).toBe('queued');
      const stopped = await h.engine.stop(a.id);
      expect(stopped).toMatchObject({
        state: 'stopped',
        reason: 'stopped by a user',
      });
      expect((await h.state(b.id)).state).toBe('starting');
      const c = await h.submit(p, 1);
      expect((await h.engine.stop(c.id)).state).toBe('stopped');
      expect((await h.engine.stop(c.id)).state).toBe('stopped');
    });
  },
);
