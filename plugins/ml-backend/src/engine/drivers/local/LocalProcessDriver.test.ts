import { InputError, NotFoundError } from '@backstage/errors';
import { WorkloadRef } from '@ml-platform/plugin-ml-node';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { LocalProcessDriver } from './LocalProcessDriver';
import { PUBLIC_SDK_FOLDER } from './isolation/storageLayout';
import {
  LocalRuns,
  collectLines,
  isGone,
  localRunsForEachTest,
  sdkPath,
  waitFor,
} from './__testUtils__/localRuns';

jest.setTimeout(20_000);

const SLEEP_FOREVER =
  'import time\nprint("up", flush=True)\ntime.sleep(1000)\n';

let runs: LocalRuns;
let driver: LocalProcessDriver;

localRunsForEachTest(created => {
  runs = created;
  driver = runs.driver();
});

/** Whether a project uid would be kept out of `dir` by a folder above it. */
async function isClosedToOthers(dir: string): Promise<boolean> {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    if (((await fs.stat(d)).mode & 0o001) === 0) return true;
  }
  return false;
}

async function observed(ref: WorkloadRef, on = driver) {
  return (await on.observe()).find(
    w => w.workloadId === ref.workloadId && w.attempt === ref.attempt,
  );
}

function finished(ref: WorkloadRef, on = driver) {
  return waitFor(`${ref.workloadId} to finish`, async () => {
    const run = await observed(ref, on);
    return run && run.phase !== 'running' && run.phase !== 'pending' && run;
  });
}

async function logText(ref: WorkloadRef) {
  return (await collectLines(driver.logs(ref, { follow: false }))).map(
    l => l.line,
  );
}

/** Starts a run of one script on the driver and gives its ref. */
async function startScript(name: string, code: string) {
  const spec = runs.spec([await runs.script(name, code)]);
  await driver.start(spec);
  return spec;
}

function waitForLog(ref: WorkloadRef, pattern: RegExp) {
  return waitFor(`a log line matching ${pattern}`, async () =>
    (await logText(ref)).find(line => pattern.test(line)),
  );
}

describe('LocalProcessDriver', () => {
  it('reports a clean exit as succeeded and a non-zero exit as failed', async () => {
    const ok = runs.spec([await runs.script('ok.py', 'print("fine")\n')]);
    const bad = runs.spec([
      await runs.script('bad.py', 'import sys\nsys.exit(3)\n'),
    ]);
    await Promise.all([driver.start(ok), driver.start(bad)]);

    expect(await finished(ok)).toMatchObject({
      phase: 'succeeded',
      exitCode: 0,
    });
    expect(await finished(bad)).toMatchObject({
      phase: 'failed',
      exitCode: 3,
      reason: 'exited with code 3',
    });
  });

  it('explains a command that cannot be started', async () => {
    const spec = runs.spec([], {
      runtime: { id: 'x', command: 'no-such-interpreter' },
    });
    await driver.start(spec);
    const run = await finished(spec);
    expect(run).toMatchObject({ phase: 'failed', exitCode: 127 });
    expect(run.reason).toMatch(/cannot start 'no-such-interpreter'/);
  });

  it('fails to start when the runner cannot be started', async () => {
    driver = runs.driver({ runnerPython: 'no-such-python' });
    const spec = runs.spec(['x.py']);
    await expect(driver.start(spec)).rejects.toThrow(
      /Could not start the local runner/,
    );
    expect(await observed(spec)).toBeUndefined();
  });

  it('keeps stdout and stderr in one log, in order, and keeps it after forget', async () => {
    const spec = await startScript(
      'talk.py',
      'import sys\nprint("one")\nprint("two", file=sys.stderr)\nprint("three")\n',
    );
    await finished(spec);
    expect(await logText(spec)).toEqual(['one', 'two', 'three']);

    await driver.forget(spec);
    expect(await observed(spec)).toBeUndefined();
    expect(await logText(spec)).toEqual(['one', 'two', 'three']);
    await expect(
      collectLines(driver.logs(runs.spec([]), { follow: false })),
    ).rejects.toThrow(NotFoundError);
  });

  it('follows the log while the run prints and ends when it exits', async () => {
    const spec = await startScript(
      'slow.py',
      'import time\nfor i in range(5):\n    print(f"tick {i}")\n    time.sleep(0.2)\n',
    );
    const lines = await collectLines(driver.logs(spec, { follow: true }));
    expect(lines.map(l => l.line)).toEqual([
      'tick 0',
      'tick 1',
      'tick 2',
      'tick 3',
      'tick 4',
    ]);
    // Streamed, not read at the end: the lines arrived ~0.8 s apart.
    expect(lines[4].at - lines[0].at).toBeGreaterThan(500);
  });

  it('stops following when the signal aborts', async () => {
    const spec = await startScript('forever.py', SLEEP_FOREVER);
    const controller = new AbortController();
    // Abort once the first line is in (however slow the machine), or give up.
    const deadline = setTimeout(() => controller.abort(), 20_000);
    const lines: string[] = [];
    for await (const line of driver.logs(spec, {
      follow: true,
      signal: controller.signal,
    })) {
      lines.push(line);
      setTimeout(() => controller.abort(), 300);
    }
    clearTimeout(deadline);
    expect(lines).toEqual(['up']);
  });

  it('passes the spec env and the SDK path but none of the backend secrets', async () => {
    // The workload runs the real interpreter, not a version manager's shim
    // that adds variables of its own; the driver does the same for its runner.
    // As root, workloads run under a project uid: the interpreter is then
    // the one an unprivileged user finds on PATH (root's home is closed).
    const python = execFileSync(
      'python3',
      ['-c', 'import sys; print(sys.executable)'],
      {
        encoding: 'utf8',
        ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}),
      },
    ).trim();
    process.env.ML_TEST_SECRET = 'hunter2';
    try {
      const spec = runs.spec(
        [
          await runs.script(
            'env.py',
            'import json, os\nprint(json.dumps(dict(os.environ)))\n',
          ),
        ],
        {
          env: { GREETING: 'hello', PYTHONPATH: '/extra' },
          runtime: { id: 'py', command: python },
        },
      );
      await driver.start(spec);
      await finished(spec);
      const env = JSON.parse((await logText(spec))[0]);
      // In a checkout under a closed folder (a clone in root's home) the
      // driver hands out its readable copy of the SDK, next to its state.
      const sdkCopy = path.join(runs.root, PUBLIC_SDK_FOLDER);
      const workloadSdk = (await isClosedToOthers(sdkPath)) ? sdkCopy : sdkPath;
      expect(env).toMatchObject({
        GREETING: 'hello',
        PATH: process.env.PATH,
        PYTHONPATH: `${workloadSdk}:/extra`,
        PYTHONUNBUFFERED: '1',
      });
      // Python itself adds LC_CTYPE when it coerces a C locale (PEP 538).
      const allowed = [
        'GREETING',
        'HOME',
        'LANG',
        'LC_CTYPE',
        'PATH',
        'PYTHONPATH',
        'PYTHONUNBUFFERED',
        'TZ',
      ];
      expect(Object.keys(env).filter(name => !allowed.includes(name))).toEqual(
        [],
      );
    } finally {
      delete process.env.ML_TEST_SECRET;
    }
  });

  it('gives each named port a free port and serves it through endpoint', async () => {
    const spec = runs.spec(
      [
        await runs.script(
          'serve.py',
          [
            'import http.server, os',
            'port = int(os.environ["ML_APP_PORT"])',
            'http.server.HTTPServer(("127.0.0.1", port), http.server.SimpleHTTPRequestHandler).serve_forever()',
          ].join('\n'),
        ),
      ],
      { ports: ['app'] },
    );
    await driver.start(spec);
    const endpoint = await driver.endpoint(spec, 'app');
    expect(endpoint?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await driver.endpoint(spec, 'other')).toBeUndefined();
    const response = await waitFor('the app to answer', () =>
      fetch(`${endpoint!.url}/serve.py`).catch(() => undefined),
    );
    expect(await response.text()).toContain('ML_APP_PORT');

    await driver.stop(spec);
    expect(await driver.endpoint(spec, 'app')).toBeUndefined();
  });

  it('stops the whole process group, grandchildren included', async () => {
    const spec = runs.spec([
      await runs.script(
        'family.py',
        [
          'import subprocess, sys, time',
          'kids = [subprocess.Popen(["sleep", "1000"]) for _ in range(2)]',
          "inner = \"import subprocess, time; p = subprocess.Popen(['sleep', '1000']); print('nested', p.pid, flush=True); time.sleep(1000)\"",
          'nested = subprocess.Popen([sys.executable, "-c", inner])',
          'print("pids", *[k.pid for k in kids], nested.pid, flush=True)',
          'time.sleep(1000)',
        ].join('\n'),
      ),
    ]);
    await driver.start(spec);
    const pidsLine = await waitForLog(spec, /^pids /);
    const nestedLine = await waitForLog(spec, /^nested /);
    const pids = [
      ...pidsLine.split(' ').slice(1),
      nestedLine.split(' ')[1],
    ].map(Number);
    const { pid } = await runs.state(spec);
    pids.push(pid);
    expect(pids).toHaveLength(5);
    for (const p of pids) expect(await isGone(p)).toBe(false);

    await driver.stop(spec);
    for (const p of pids) expect(await isGone(p)).toBe(true);
    expect(await observed(spec)).toMatchObject({
      phase: 'failed',
      exitCode: 143,
      reason: 'killed by signal 15 (SIGTERM) after a stop request',
    });
    // Twice, or on a run nobody knows, is fine.
    await driver.stop(spec);
    await driver.stop(runs.spec([]));
  });

  it('kills what ignores SIGTERM once the grace period is over', async () => {
    driver = runs.driver({ stopGraceMs: 300 });
    const spec = await startScript(
      'stubborn.py',
      'import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nprint("up", flush=True)\ntime.sleep(1000)\n',
    );
    await waitForLog(spec, /^up$/);
    await driver.stop(spec);
    expect(await observed(spec)).toMatchObject({
      phase: 'failed',
      exitCode: 137,
      reason: 'killed by signal 9 (SIGKILL) after a stop request',
    });
  });

  it('starts a ref only once', async () => {
    const spec = runs.spec([await runs.script('once.py', SLEEP_FOREVER)]);
    await Promise.all([driver.start(spec), driver.start(spec)]);
    const first = await runs.state(spec);
    await driver.start(spec);
    expect((await runs.state(spec)).pid).toBe(first.pid);
    await waitForLog(spec, /^up$/);
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(await logText(spec)).toEqual(['up']);
  });

  it('re-adopts runs from the state folder in a new driver instance', async () => {
    const spec = await startScript('adopt.py', SLEEP_FOREVER);

    const restarted = runs.driver();
    expect(await observed(spec, restarted)).toMatchObject({ phase: 'running' });
    await restarted.stop(spec);
    expect(await observed(spec, driver)).toMatchObject({
      phase: 'failed',
      reason: expect.stringContaining('killed by signal 15'),
    });
  });

  it('reports a run killed from outside as failed', async () => {
    const child = runs.spec([
      await runs.script(
        'victim.py',
        'import os, time\nprint(os.getpid(), flush=True)\ntime.sleep(1000)\n',
      ),
    ]);
    const whole = runs.spec([await runs.script('crash.py', SLEEP_FOREVER)]);
    await Promise.all([driver.start(child), driver.start(whole)]);

    // The workload dies; the runner is there to record it.
    process.kill(Number(await waitForLog(child, /^\d+$/)), 'SIGKILL');
    expect(await finished(child)).toMatchObject({
      phase: 'failed',
      exitCode: 137,
      reason: 'killed by signal 9 (SIGKILL)',
    });

    // Everything dies at once, as in an OOM kill of the group or a reboot.
    await waitForLog(whole, /^up$/);
    process.kill(-(await runs.state(whole)).pgid, 'SIGKILL');
    expect(await finished(whole)).toEqual({
      workloadId: whole.workloadId,
      attempt: whole.attempt,
      phase: 'failed',
      reason: 'the process disappeared without an exit status',
    });
  });

  it('does not mistake a reused pid for its run', async () => {
    const spec = await startScript('reused.py', SLEEP_FOREVER);
    const file = path.join(
      runs.stateDir,
      'runs',
      `${spec.workloadId}-${spec.attempt}.json`,
    );
    const state = JSON.parse(await fs.readFile(file, 'utf8'));
    try {
      // As if our process had died and another one had got its pid.
      await fs.writeFile(
        file,
        JSON.stringify({ ...state, startTime: state.startTime - 1 }),
      );
      expect(await observed(spec)).toMatchObject({ phase: 'failed' });
      expect(await driver.endpoint(spec, 'app')).toBeUndefined();
      // Stop must leave the "other" process alone.
      await driver.stop(spec);
      expect(await isGone(state.pid)).toBe(false);
    } finally {
      process.kill(-state.pgid, 'SIGKILL');
    }
  });

  it('measures CPU and memory over the process group', async () => {
    const busy = runs.spec([
      await runs.script('busy.py', 'while True:\n    pass\n'),
    ]);
    const big = runs.spec([
      await runs.script(
        'big.py',
        'import time\ndata = b"\\x01" * (100 * 1024 * 1024)\nprint("ready", flush=True)\ntime.sleep(1000)\n',
      ),
    ]);
    await Promise.all([driver.start(busy), driver.start(big)]);
    await driver.observe();
    await new Promise(resolve => setTimeout(resolve, 1000));
    const usage = (await observed(busy))?.usage;
    // A busy loop on a loaded two-core machine may get a fraction of a core;
    // what matters is that it shows as busy (an idle process reads ~0) and
    // never more than the machine has.
    expect(usage?.cpu).toBeGreaterThan(0.05);
    expect(usage?.cpu).toBeLessThanOrEqual(2.5);

    await waitForLog(big, /^ready$/);
    expect((await observed(big))?.usage?.memoryMiB).toBeGreaterThan(80);
  });

  it('rejects ids that could name other files', async () => {
    await expect(
      driver.start(runs.spec([], { workloadId: '../escape' })),
    ).rejects.toThrow(InputError);
    await expect(
      driver.stop({ workloadId: 'ok', attempt: -1 }),
    ).rejects.toThrow(InputError);
    await expect(
      driver.start(
        runs.spec([], { projectDir: path.join(runs.root, 'missing') }),
      ),
    ).rejects.toThrow(InputError);
  });
});
