import { LocalProcessDriver } from './LocalProcessDriver';
import { LocalRuns, waitFor } from './__testUtils__/localRuns';

jest.setTimeout(20_000);

type KernelEvent =
  | { stream: 'stdout' | 'stderr'; text: string }
  | {
      done: true;
      error: null | { name: string; message: string; traceback: string };
    };

interface Received {
  event: KernelEvent;
  at: number;
}

/** Runs code in the kernel and collects the NDJSON events as they arrive. */
async function execute(url: string, code: string): Promise<Received[]> {
  const response = await fetch(`${url}/execute`, {
    method: 'POST',
    body: code,
    signal: AbortSignal.timeout(10_000),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('transfer-encoding')).toBe('chunked');
  const received: Received[] = [];
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body!) {
    buffered += decoder.decode(chunk, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      received.push({ event: JSON.parse(line), at: Date.now() });
    }
  }
  return received;
}

const events = (received: Received[]) => received.map(r => r.event);

describe('session kernel', () => {
  let runs: LocalRuns;
  let driver: LocalProcessDriver;

  beforeEach(async () => {
    runs = await LocalRuns.create();
    driver = runs.driver();
  });

  afterEach(async () => {
    await runs.cleanup();
  });

  it('runs code in one namespace, streams output and stops with the session', async () => {
    const session = runs.spec(['-m', 'ml_platform.session_kernel'], {
      kind: 'session',
      ports: ['kernel'],
    });
    await driver.start(session);
    const { url } = (await driver.endpoint(session, 'kernel'))!;
    const health = await waitFor('the kernel to answer', () =>
      fetch(`${url}/health`).catch(() => undefined),
    );
    expect(await health.json()).toEqual({ ok: true });

    expect(events(await execute(url, 'x = 6*7'))).toEqual([
      { done: true, error: null },
    ]);
    expect(events(await execute(url, 'print(x)'))).toEqual([
      { stream: 'stdout', text: '42\n' },
      { done: true, error: null },
    ]);
    // A last expression is shown, as at the interactive prompt.
    expect(events(await execute(url, 'x'))).toEqual([
      { stream: 'stdout', text: '42\n' },
      { done: true, error: null },
    ]);
    expect(
      events(await execute(url, 'import sys\nprint("oops", file=sys.stderr)')),
    ).toEqual([
      { stream: 'stderr', text: 'oops\n' },
      { done: true, error: null },
    ]);

    const failed = events(await execute(url, '1/0'));
    expect(failed).toEqual([
      {
        done: true,
        error: {
          name: 'ZeroDivisionError',
          message: 'division by zero',
          traceback: expect.stringContaining(
            'ZeroDivisionError: division by zero',
          ),
        },
      },
    ]);

    // Output of threads the code starts belongs to the execution too.
    const threaded = events(
      await execute(
        url,
        'import threading\nt = threading.Thread(target=lambda: print("from a thread"))\nt.start(); t.join()',
      ),
    );
    expect(threaded[0]).toEqual({ stream: 'stdout', text: 'from a thread\n' });

    const slow = await execute(
      url,
      'import time\nfor i in range(5):\n    print(i)\n    time.sleep(0.2)',
    );
    expect(events(slow)).toEqual([
      ...[0, 1, 2, 3, 4].map(i => ({ stream: 'stdout', text: `${i}\n` })),
      { done: true, error: null },
    ]);
    // Streamed: the first line came about a second before the end.
    expect(slow[slow.length - 1].at - slow[0].at).toBeGreaterThan(600);

    await driver.stop(session);
    await expect(
      fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) }),
    ).rejects.toThrow();
    expect(await driver.endpoint(session, 'kernel')).toBeUndefined();
  });
});
