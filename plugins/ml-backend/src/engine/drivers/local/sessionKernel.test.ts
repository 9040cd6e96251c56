import { WorkloadSpec } from '@ml-platform/plugin-ml-node';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { LocalProcessDriver } from './LocalProcessDriver';
import {
  LocalRuns,
  collectLines,
  localRunsForEachTest,
  sdkPath,
  waitFor,
} from './__testUtils__/localRuns';

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

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

/** Runs code in the kernel and collects the NDJSON events as they arrive. */
async function executeWith(
  url: string,
  secret: string,
  code: string,
): Promise<Received[]> {
  const response = await fetch(`${url}/execute`, {
    method: 'POST',
    body: code,
    headers: bearer(secret),
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

  localRunsForEachTest(created => {
    runs = created;
    driver = runs.driver();
  });

  /** A session's kernel through the driver, once it answers. */
  async function startKernel(): Promise<{
    session: WorkloadSpec;
    url: string;
    secret: string;
  }> {
    const session = runs.spec(['-m', 'ml_platform.session_kernel'], {
      kind: 'session',
      ports: ['kernel'],
    });
    await driver.start(session);
    const { url } = (await driver.endpoint(session, 'kernel'))!;
    // The driver keeps the secret in the run's state, readable by it alone.
    const { kernelSecret } = (await runs.state(session)) as any;
    expect(kernelSecret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const health = await waitFor('the kernel to answer', () =>
      fetch(`${url}/health`, { headers: bearer(kernelSecret) }).catch(
        () => undefined,
      ),
    );
    expect(await health.json()).toEqual({ ok: true });
    return { session, url, secret: kernelSecret };
  }

  it('runs code in one namespace, streams output and stops with the session', async () => {
    const { session, url, secret } = await startKernel();
    const execute = (kernel: string, code: string) =>
      executeWith(kernel, secret, code);

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

  it('refuses calls without its secret or with a wrong one', async () => {
    const { session, url, secret } = await startKernel();
    // Code that would leave a mark if it ran.
    const mark = 'open("ran-without-secret", "w").close()';
    for (const headers of [{}, bearer('wrong'), bearer(`${secret}x`)]) {
      const health = await fetch(`${url}/health`, { headers });
      expect(health.status).toBe(401);
      // Closed after a refusal, and said so: a client must not reuse it.
      expect(health.headers.get('connection')).toBe('close');
      const response = await fetch(`${url}/execute`, {
        method: 'POST',
        body: mark,
        headers,
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({
        error: "this kernel needs its session's secret",
      });
    }
    // The secret works, and code in the session does not see it.
    expect(
      events(
        await executeWith(
          url,
          secret,
          'import os\nprint("ML_KERNEL_SECRET" in os.environ)',
        ),
      ),
    ).toEqual([
      { stream: 'stdout', text: 'False\n' },
      { done: true, error: null },
    ]);
    await expect(
      fs.stat(path.join(runs.projectDir, 'ran-without-secret')),
    ).rejects.toMatchObject({ code: 'ENOENT' });
    // The refusals are logged, the secret is not.
    const log = (await collectLines(driver.logs(session, { follow: false })))
      .map(l => l.line)
      .join('\n');
    expect(log).toContain('401');
    expect(log).not.toContain(secret);
  });

  it("runs console code through the driver's exec, which sends the secret", async () => {
    const { session } = await startKernel();
    const lines = [];
    for await (const line of driver.exec(session, 'print(6*7)', {})) {
      lines.push(JSON.parse(line));
    }
    expect(lines).toEqual([
      { stream: 'stdout', text: '42\n' },
      { done: true, error: null },
    ]);
    await driver.stop(session);
    await expect(
      collectLines(driver.exec(session, 'print(1)', {})),
    ).rejects.toThrow('not reachable');
  });

  it('does not start without a secret', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>(
      resolve => {
        const child = execFile(
          'python3',
          ['-m', 'ml_platform.session_kernel'],
          {
            env: { PATH: process.env.PATH, PYTHONPATH: sdkPath },
            timeout: 10_000,
          },
          (_error, _stdout, stderr) =>
            resolve({ code: child.exitCode, stderr }),
        );
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ML_KERNEL_SECRET is not set');
  });
});
