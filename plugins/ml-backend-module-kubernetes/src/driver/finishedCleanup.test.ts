import { startHarness, specFor, NS } from '../__testUtils__/driverHarness';
import { waitFor } from '../__testUtils__/waitFor';

jest.setTimeout(30_000);

/** Finished Jobs and session Pods the engine forgot stay for their logs, then go. */
describe('cleanup of forgotten workloads', () => {
  let h: Awaited<ReturnType<typeof startHarness>>;
  afterEach(() => h?.stop());

  it('deletes forgotten Jobs (with their pods) and session Pods keepFinishedMinutes after forget, not before', async () => {
    const clock = { now: Date.parse('2026-11-22T10:00:00Z') };
    h = await startHarness(
      { keepFinishedMinutes: 30 },
      { now: () => clock.now },
    );
    await h.untilAvailable();
    const job = specFor('job', {
      workloadId: 'f0000000-0000-4000-8000-000000000001',
    });
    const session = specFor('session', {
      workloadId: 'f0000000-0000-4000-8000-000000000002',
    });
    const running = specFor('job', {
      workloadId: 'f0000000-0000-4000-8000-000000000003',
    });
    for (const spec of [job, session, running]) await h.driver.start(spec);
    await waitFor(
      () => h.server.list('pods', NS).length === 3,
      5000,
      'the pods',
    );
    const jobPod = h.server
      .list('pods', NS)
      .find(
        p =>
          p.metadata!.labels!['ml-platform.io/workload-id'] === job.workloadId,
      )!;
    h.server.setStatus('pods', NS, jobPod.metadata!.name!, {
      phase: 'Succeeded',
    });
    h.server.setStatus('jobs', NS, `job-${job.workloadId}-1`, {
      conditions: [{ type: 'Complete', status: 'True' }],
    });
    h.server.setStatus('pods', NS, `session-${session.workloadId}-1`, {
      phase: 'Failed',
    });

    await h.driver.forget(job);
    await h.driver.forget(session);
    const forgottenJob = h.server.get('jobs', NS, `job-${job.workloadId}-1`)!;
    expect(forgottenJob.metadata!.labels!['ml-platform.io/forgotten']).toBe(
      'true',
    );
    expect(
      forgottenJob.metadata!.annotations!['ml-platform.io/forgotten-at'],
    ).toBe('2026-11-22T10:00:00.000Z');

    // forget puts the marked objects into the driver's mirror at once.
    clock.now += 29 * 60_000;
    expect(await h.driver.sweepForgotten()).toBe(0);
    expect(h.server.list('jobs', NS)).toHaveLength(2);

    clock.now += 60_000;
    expect(await h.driver.sweepForgotten()).toBe(2);
    expect(await h.driver.sweepForgotten()).toBe(0);
    expect(h.server.list('jobs', NS).map(j => j.metadata!.name)).toEqual([
      `job-${running.workloadId}-1`,
    ]);
    const left = h.server
      .list('pods', NS)
      .map(p => p.metadata!.labels!['ml-platform.io/workload-id']);
    expect(left).toEqual([running.workloadId]);
    expect(h.server.list('services', NS)).toEqual([]);
  });
});
