/**
 * Job start latency: queued -> running of a trivial job through the engine
 * and the real local-process driver, beside a bare spawn of python3 measured
 * in the same run.
 *
 *   node --expose-gc -r @backstage/cli/config/nodeTransform.cjs bench/job-start.ts [options]
 *
 * Options: --iterations 30  --warmup 3  --max-seconds 150
 *
 * Each iteration runs these series (in a rotating order, so drift and noise
 * spread over all of them), with `job.py` = `print("hi")`:
 *
 *   (a) engine: WorkloadEngine.submit, then Reconciler.reconcile in a tight
 *       loop until the workload row leaves `starting` (the plugin reconciles
 *       every 1 s; this is what the engine itself costs)
 *   (b) engine: submit, until the job's first output line is in its log
 *       file (polled every ~1 ms), for the runtime command `python3` (as in
 *       app-config.yaml) and for the real interpreter behind it
 *   (c) bare child_process.spawn(<python>, ['job.py']) until its first stdout
 *       line, with `python3` (a pyenv shim here) and with the real interpreter
 *   (d) bare spawn of the same command line the driver runs (the wrapper
 *       local_runner.py under the real interpreter with -I -S, then the job),
 *       until its first stdout line: the process chain without the engine
 *
 * Nothing asserts timing: it prints p50/p95 and ratios.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { NodeGroup, WorkloadState } from '@ml-platform/plugin-ml-common';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AdmissionService,
  EnvSecrets,
  LocalProcessDriver,
  ProjectFiles,
  ProjectStore,
  QueueStore,
  Reconciler,
  RuntimeStore,
  WorkloadEngine,
  WorkloadStore,
  WorkloadTokens,
  WorkspaceStore,
} from '@ml-platform/plugin-ml-backend/testUtils';
import { sqliteOpener } from './lib/db';
import {
  Deadline,
  Summary,
  collectGarbage,
  describeMemory,
  fmt,
  header,
  machine,
  memory,
  numberArg,
  parseArgs,
  silentLogger,
  summarize,
} from './lib/util';

const REPO_ROOT = path.resolve(__dirname, '..');
const GROUP: NodeGroup = {
  name: 'standard',
  cpu: 8,
  memoryMiB: 32768,
  gpu: 0,
  minNodes: 1,
  maxNodes: 1,
  scaleUpDelaySeconds: 0,
};
const OWNER = 'user:default/bench';
const ENDED: WorkloadState[] = ['succeeded', 'failed', 'stopped', 'timed_out'];
/** Bounds for one wait inside an iteration. */
const WAIT_LIMIT_MS = 15_000;

function countProcesses(): number {
  try {
    return readdirSync('/proc').filter(n => /^\d+$/.test(n)).length;
  } catch {
    return NaN;
  }
}

function realInterpreter(name: string): string {
  try {
    return execFileSync(name, ['-c', 'import sys; print(sys.executable)'], {
      encoding: 'utf8',
      timeout: 15_000,
    }).trim();
  } catch {
    return name;
  }
}

/** ms from spawning `command` until its first stdout line; waits for it to exit. */
async function bareSpawn(
  command: string,
  args: string[],
  cwd: string,
): Promise<number> {
  const t0 = performance.now();
  const child = spawn(command, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let firstLine = NaN;
  let buffered = '';
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  child.stdout!.on('data', chunk => {
    if (!Number.isNaN(firstLine)) return;
    buffered += chunk.toString();
    if (buffered.includes('\n')) firstLine = performance.now() - t0;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), WAIT_LIMIT_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
  if (Number.isNaN(firstLine))
    throw new Error(`${command} ${args.join(' ')} printed no line`);
  return firstLine;
}

/** Whether every folder above `file` lets other users through (o+x). */
function reachableByOthers(file: string): boolean {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

/**
 * `interpreter`, or the system's python3 when the bench runs as root and
 * `interpreter` sits in a folder closed to the project uids the driver then
 * starts workloads as (a pyenv under /root): both sides of the comparison
 * must run the same interpreter.
 */
function interpreterWorkloadsCanRun(interpreter: string): string {
  if (process.getuid?.() !== 0 || reachableByOthers(interpreter)) {
    return interpreter;
  }
  const system = '/usr/bin/python3';
  if (!existsSync(system)) {
    throw new Error(
      `${interpreter} is in a folder closed to other users, and ${system} is missing`,
    );
  }
  return system;
}

async function main() {
  const args = parseArgs();
  const iterations = numberArg(args, 'iterations', 30);
  const warmup = numberArg(args, 'warmup', 3);
  const deadline = new Deadline(numberArg(args, 'max-seconds', 150));
  console.log(`job-start bench | ${machine()}`);
  console.log(
    `options: ${JSON.stringify({
      iterations,
      warmup,
      maxSeconds: deadline.seconds,
    })}`,
  );

  const real = interpreterWorkloadsCanRun(realInterpreter('python3'));
  const which = (() => {
    try {
      return execFileSync('sh', ['-c', 'command -v python3'], {
        encoding: 'utf8',
      }).trim();
    } catch {
      return 'python3';
    }
  })();
  const shim =
    existsSync(which) && readFileSync(which).subarray(0, 2).toString() === '#!';
  console.log(
    `python3 on PATH: ${which}${
      shim ? ' (a script, e.g. a pyenv shim)' : ''
    }; real interpreter: ${real}`,
  );

  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-bench-jobstart-'));
  // Run as root, the driver starts each project's work as its own uid, which
  // must reach the project folder below this one.
  await fs.chmod(root, 0o755);
  const db = await sqliteOpener()('jobstart');
  try {
    const knex = db.knex;
    const workspaces = new WorkspaceStore(knex);
    const runtimes = new RuntimeStore(knex);
    const projects = new ProjectStore(knex);
    const workloads = new WorkloadStore(knex);
    const queue = new QueueStore(knex);
    const logger = silentLogger();
    const workspace = await workspaces.create({
      name: 'bench',
      title: 'Bench',
      description: '',
      owner: 'group:default/admins',
      driver: 'local',
      nodeGroups: [GROUP],
      env: {},
      defaultUserQuota: { cpu: 4, memoryMiB: 16384, gpu: 0 },
    });
    const runtime = (command: string, v: number) =>
      runtimes.create({
        editor: 'Workbench',
        kernel: 'Python 3',
        edition: 'Standard',
        shortVersion: String(v),
        maintenanceVersion: 1,
        description: '',
        command,
        enabled: true,
      });
    const runtimePython3 = await runtime('python3', 1);
    const runtimeReal = await runtime(real, 2);
    const files = new ProjectFiles(path.join(root, 'projects'));
    const p = await projects.create({
      workspace: 'bench',
      name: 'jobstart',
      title: 'jobstart',
      description: '',
      owner: OWNER,
      visibility: 'private',
      teamRole: 'contributor',
      env: {},
      createdBy: OWNER,
    });
    await files.init(p.id, { 'job.py': 'print("hi")\n' });
    const projectDir = files.dirFor(p.id);
    const stateDir = path.join(root, 'local-driver');
    const driver = new LocalProcessDriver({
      stateDir,
      sdkPath: path.join(REPO_ROOT, 'sdk/python'),
      logger,
    });
    const admission = new AdmissionService({
      queue,
      starvationMs: 600_000,
    });
    const engine = new WorkloadEngine({
      workloads,
      workspaces,
      runtimes,
      files,
      admission,
      logger,
      driverFor: () => driver,
      apiUrl: 'http://127.0.0.1:7007/api/ml',
      // A fixed signing key: nothing here verifies tokens across restarts.
      tokens: new WorkloadTokens({
        getOrCreate: async () => 'c2lnbmluZy1rZXk=',
      }),
      // A fixed key: the bench's env holds no secrets to open.
      secrets: new EnvSecrets({
        key: Buffer.alloc(32, 7),
        settings: { getOrCreate: async () => '' },
      }),
    });
    const reconciler = new Reconciler({
      engine,
      workloads,
      workspaces,
      queue,
      logger,
      drivers: () => [driver],
      driverFor: () => driver,
      options: {
        maxBackoffSeconds: 600,
        nodeIdleMs: 300_000,
        startGraceMs: 30_000,
      },
    });
    // The workspace's node, as an earlier pass would have made it (see the README).
    await queue.transaction(async tx =>
      admission.ensureMinimumNodes(tx, workspace, [], Date.now()),
    );

    const submit = (runtimeId: string) =>
      engine.submit({
        kind: 'job',
        name: 'hi',
        project: { id: p.id, name: p.name, workspace: 'bench', owner: OWNER },
        runtimeId,
        profile: 'small',
        resources: { cpu: 1, memoryMiB: 1024, gpu: 0 },
        requester: OWNER,
        args: ['job.py'],
        env: { ML_PROJECT_NAME: p.name },
      });

    /** Reconciles until the workload has ended and the driver forgot it. */
    const settle = async (id: string) => {
      const until = Date.now() + WAIT_LIMIT_MS;
      for (;;) {
        await reconciler.reconcile();
        const w = await workloads.get(id);
        if (w && ENDED.includes(w.state)) {
          if (w.state !== 'succeeded')
            throw new Error(`workload ${id} ended ${w.state}: ${w.reason}`);
          return;
        }
        if (Date.now() > until)
          throw new Error(
            `workload ${id} did not end: ${w?.state} ${w?.reason}`,
          );
        await sleep(10);
      }
    };

    // Where a reconcile's time goes: the driver's observe (reads /proc) and the admission pass.
    const observeMs: number[] = [];
    const reconcileAdmitMs: number[] = [];
    let inReconcile = false;
    const timed = (target: any, name: string, into: number[]) => {
      const original = target[name].bind(target);
      target[name] = async (...a: unknown[]) => {
        const t0 = performance.now();
        try {
          return await original(...a);
        } finally {
          if (inReconcile) into.push(performance.now() - t0);
        }
      };
    };
    timed(driver, 'observe', observeMs);
    timed(engine, 'admit', reconcileAdmitMs);
    const transitionMs: number[] = [];
    const nodeIdleMs: number[] = [];
    timed(workloads, 'transition', transitionMs);
    timed(queue, 'setNodeIdle', nodeIdleMs);

    const submitMs: number[] = [];
    const reconcileMs: number[] = [];
    const sawEnded: number[] = [];
    const engineToRunning = async () => {
      const t0 = performance.now();
      const w = await submit(runtimePython3.id);
      const tSubmitted = performance.now();
      submitMs.push(tSubmitted - t0);
      let state = w.state;
      for (
        let i = 0;
        i < 10_000 && (state === 'queued' || state === 'starting');
        i++
      ) {
        const tr = performance.now();
        inReconcile = true;
        await reconciler.reconcile();
        inReconcile = false;
        reconcileMs.push(performance.now() - tr);
        state = (await workloads.get(w.id))!.state;
        if (performance.now() - t0 > WAIT_LIMIT_MS)
          throw new Error(`workload ${w.id} stuck in ${state}`);
      }
      const elapsed = performance.now() - t0;
      sawEnded.push(state === 'running' ? 0 : 1);
      await settle(w.id);
      return elapsed;
    };
    const engineToFirstLine = async (runtimeId: string) => {
      const t0 = performance.now();
      const w = await submit(runtimeId);
      const logFile = path.join(stateDir, 'logs', `${w.id}-${w.attempt}.log`);
      let elapsed = NaN;
      while (performance.now() - t0 < WAIT_LIMIT_MS) {
        if (
          existsSync(logFile) &&
          readFileSync(logFile, 'utf8').includes('\n')
        ) {
          elapsed = performance.now() - t0;
          break;
        }
        await sleep(1);
      }
      if (Number.isNaN(elapsed))
        throw new Error(
          `no output from ${w.id}: ${(await workloads.get(w.id))?.reason}`,
        );
      await settle(w.id);
      return elapsed;
    };
    const runner = resolvePackagePath(
      '@ml-platform/plugin-ml-backend',
      'assets/local_runner.py',
    );
    const exitFile = path.join(root, 'bare.exit');
    const wrapped = (command: string) => () =>
      bareSpawn(
        real,
        ['-I', '-S', runner, exitFile, '--', command, 'job.py'],
        projectDir,
      );

    const series: Array<{
      key: string;
      label: string;
      run: () => Promise<number>;
    }> = [
      {
        key: 'a',
        label: '(a) engine: submit -> row running (immediate reconcile)',
        run: engineToRunning,
      },
      {
        key: 'b',
        label: '(b) engine: submit -> first output line, runtime `python3`',
        run: () => engineToFirstLine(runtimePython3.id),
      },
      {
        key: 'b_real',
        label:
          "(b') engine: submit -> first output line, runtime = real interpreter",
        run: () => engineToFirstLine(runtimeReal.id),
      },
      {
        key: 'c',
        label: '(c) bare spawn(`python3`, [job.py]) -> first stdout line',
        run: () => bareSpawn('python3', ['job.py'], projectDir),
      },
      {
        key: 'c_real',
        label:
          "(c') bare spawn(real interpreter, [job.py]) -> first stdout line",
        run: () => bareSpawn(real, ['job.py'], projectDir),
      },
      {
        key: 'd',
        label:
          "(d) bare spawn of the driver's command line (wrapper + `python3 job.py`)",
        run: wrapped('python3'),
      },
      {
        key: 'd_real',
        label:
          "(d') bare spawn of the driver's command line (wrapper + real job.py)",
        run: wrapped(real),
      },
    ];
    const results = new Map<string, number[]>(series.map(s => [s.key, []]));

    // Warm-up: the driver resolves its interpreter on the first start, the
    // OS caches the interpreters' files.
    for (let i = 0; i < warmup && !deadline.expired; i++) {
      for (const s of series) await s.run();
    }
    submitMs.length = 0;
    reconcileMs.length = 0;
    observeMs.length = 0;
    reconcileAdmitMs.length = 0;
    transitionMs.length = 0;
    nodeIdleMs.length = 0;
    sawEnded.length = 0;
    const before = await (async () => {
      await collectGarbage();
      return memory();
    })();
    console.log(`backend process before: ${describeMemory(before)}`);

    let done = 0;
    for (let i = 0; i < iterations && !deadline.expired; i++) {
      for (let j = 0; j < series.length; j++) {
        const s = series[(i + j) % series.length];
        results.get(s.key)!.push(await s.run());
      }
      done++;
    }
    const after = await (async () => {
      await collectGarbage();
      return memory();
    })();

    header('results: job start');
    if (done < iterations)
      console.log(
        `!! time budget spent after ${done} of ${iterations} iterations`,
      );
    const stats = new Map<string, Summary>();
    for (const s of series) {
      const st = summarize(results.get(s.key)!);
      stats.set(s.key, st);
      console.log(
        `${s.label.padEnd(76)} p50 ${fmt(st.p50, 1).padStart(7)} ms  p95 ${fmt(
          st.p95,
          1,
        ).padStart(7)} ms  (n=${st.n}, min ${fmt(st.min, 1)}, max ${fmt(
          st.max,
          1,
        )})`,
      );
    }
    const sub = summarize(submitMs);
    const rec = summarize(reconcileMs);
    console.log(
      `   inside (a): submit (insert + pass + driver.start: spawn + run state) p50 ${fmt(
        sub.p50,
      )} ms p95 ${fmt(sub.p95)} ms; ` +
        `one reconcile p50 ${fmt(rec.p50)} ms p95 ${fmt(rec.p95)} ms; ${
          reconcileMs.length
        } reconciles for ${submitMs.length} jobs; ` +
        `${sawEnded.reduce(
          (a, b) => a + b,
          0,
        )} already ended at the first look`,
    );
    const obs = summarize(observeMs);
    const adm = summarize(reconcileAdmitMs);
    console.log(
      `   inside a reconcile: LocalProcessDriver.observe p50 ${fmt(
        obs.p50,
      )} ms p95 ${fmt(obs.p95)} ms ` +
        `(reads /proc/<pid>/stat of all ${countProcesses()} processes); WorkloadEngine.admit p50 ${fmt(
          adm.p50,
        )} ms; ` +
        `the rest (DB reads, the state change, ageNodes) p50 ${fmt(
          rec.p50 - obs.p50 - adm.p50,
        )} ms`,
    );
    const tr = summarize(transitionMs);
    const ni = summarize(nodeIdleMs);
    console.log(
      `   of which WorkloadStore.transition (its own transaction) p50 ${fmt(
        tr.p50,
      )} ms x${transitionMs.length}, ` +
        `QueueStore.setNodeIdle p50 ${fmt(ni.p50)} ms x${
          nodeIdleMs.length
        } (a node flips idle <-> busy with every job)`,
    );
    const ratio = (a: string, b: string, q: 'p50' | 'p95') =>
      fmt(stats.get(a)![q] / stats.get(b)![q], 2);
    console.log('');
    console.log('ratios (p50 / p95):');
    for (const [a, b, note] of [
      [
        'a',
        'c_real',
        'engine cost vs a bare start of the real interpreter (fair: neither pays the shim)',
      ],
      ['a', 'c', 'engine cost vs bare `python3` (shim)'],
      [
        'b_real',
        'c_real',
        'first line, real interpreter both sides (fair baseline)',
      ],
      [
        'b',
        'c',
        'first line, `python3` both sides (shim paid once on each side)',
      ],
      [
        'b',
        'c_real',
        'first line with runtime `python3` vs bare real interpreter',
      ],
      [
        'b_real',
        'd_real',
        'engine + driver vs the same process chain spawned bare',
      ],
      ['d_real', 'c_real', 'the wrapper process alone (runner under -I -S)'],
    ] as const) {
      console.log(
        `  ${`${a} / ${b}`.padEnd(16)} ${ratio(a, b, 'p50').padStart(
          6,
        )} / ${ratio(a, b, 'p95').padStart(6)}   ${note}`,
      );
    }
    console.log('');
    console.log(
      `with the plugin's 1 s reconcile interval a submitted job is seen running after (a) plus the wait for the ` +
        `next tick: ~${fmt(
          stats.get('a')!.p50 + 500,
          0,
        )} ms on average, up to ~${fmt(stats.get('a')!.p95 + 1000, 0)} ms`,
    );
    console.log(
      `goal (b) <= 3x bare spawn: ${
        stats.get('b_real')!.p50 <= 3 * stats.get('c_real')!.p50
          ? 'met'
          : 'NOT met'
      } ` +
        `against the real interpreter (p50 ratio ${ratio(
          'b_real',
          'c_real',
          'p50',
        )}), ` +
        `${
          stats.get('b')!.p50 <= 3 * stats.get('c')!.p50 ? 'met' : 'NOT met'
        } with \`python3\` both sides (${ratio('b', 'c', 'p50')})`,
    );
    console.log('');
    console.log(`backend process before: ${describeMemory(before)}`);
    console.log(`backend process after:  ${describeMemory(after)}`);
    console.log(
      `growth: ${fmt(after.rssMiB - before.rssMiB)} MiB RSS, ${fmt(
        after.heapMiB - before.heapMiB,
      )} MiB V8 heap ` +
        `over ${done * 3} engine jobs${
          (globalThis as any).gc
            ? ' (after a full GC each time)'
            : ' (no --expose-gc)'
        }`,
    );
  } finally {
    await db.destroy();
    await fs.rm(root, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
