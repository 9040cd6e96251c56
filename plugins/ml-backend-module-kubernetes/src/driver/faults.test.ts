import { isStartDeferredError } from '@ml-platform/plugin-ml-node';
import { startHarness, specFor, NS } from '../__testUtils__/driverHarness';
import { waitFor } from '../__testUtils__/waitFor';

jest.setTimeout(30_000);

describe('KubernetesDriver when the API server misbehaves', () => {
  let h: Awaited<ReturnType<typeof startHarness>>;
  afterEach(() => h?.stop());

  it('retries 500s, timeouts and 409s on create, then converges with one Job', async () => {
    h = await startHarness({}, { startTries: 10 });
    h.server.faults.push(
      { method: 'POST', path: /\/jobs$/, answer: 500, times: 2 },
      { method: 'POST', path: /\/jobs$/, answer: 'timeout', times: 1 },
      { method: 'POST', path: /\/jobs$/, answer: 409, times: 2 },
    );
    const spec = specFor('job');
    await h.driver.start(spec);
    expect(h.server.list('jobs', NS)).toHaveLength(1);
    expect(
      h.server.requests.filter(
        r => r.startsWith('POST') && r.endsWith('/jobs'),
      ),
    ).toHaveLength(6);
  });

  it('defers a start the cluster keeps refusing; the next start creates it exactly once', async () => {
    h = await startHarness({}, { startTries: 2 });
    h.server.faults.push({ method: 'POST', answer: 503, times: 2 });
    const spec = specFor('session');
    const error = await h.driver.start(spec).catch(e => e);
    expect(isStartDeferredError(error)).toBe(true);
    expect(error.message).toMatch(/^the cluster cannot be reached or is busy/);
    // The engine tries again later: same names, nothing twice.
    await h.driver.start(spec);
    await h.driver.start(spec);
    expect(h.server.list('pods', NS)).toHaveLength(1);
    expect(h.server.list('services', NS)).toHaveLength(1);
  });

  it('keeps the last known state while the watch fails, says why, and resyncs when it recovers', async () => {
    h = await startHarness();
    const spec = specFor('session');
    await h.driver.start(spec);
    await waitFor(async () => (await h.driver.status('k8s')).available);
    h.server.faults.push({
      method: 'GET',
      path: /^\/api\/v1\/pods$/,
      answer: 500,
      times: 5,
    });
    h.server.dropWatches();
    await waitFor(
      async () =>
        (await h.driver.status('k8s')).message?.includes('cannot be reached'),
      5000,
      'unavailable',
    );
    expect((await h.driver.observe()).map(o => o.workloadId)).toContain(
      spec.workloadId,
    );
    h.server.setStatus('pods', NS, `session-${spec.workloadId}-1`, {
      phase: 'Running',
      containerStatuses: [{ name: 'main', state: { running: {} } }],
    });
    await h.untilAvailable(10_000, 'available again');
    await waitFor(
      async () =>
        (await h.driver.observe()).find(o => o.workloadId === spec.workloadId)
          ?.phase === 'running',
    );
  });

  it('reports an unreachable cluster as unavailable with the error', async () => {
    h = await startHarness();
    await h.server.stop(); // nothing listens there any more
    const { driver } = h;
    h = { ...h, stop: () => driver.shutdown() };
    h.driver.startWatching();
    await waitFor(
      async () =>
        /ECONNREFUSED|cannot be reached/.test(
          (await driver.status('k8s')).message ?? '',
        ),
      5000,
    );
  });
});
