import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { retriedOnceHistory } from '../__testUtils__/workloadHistory';
import {
  removeStorage,
  stopLocalWorkloads,
} from '../__testUtils__/localStorage';

jest.setTimeout(120_000);

const child = path.resolve(__dirname, '../__testUtils__/restartChild.ts');

/** Starts the stand-in backend and resolves once `ready(states)` holds. */
function startBackend(
  dir: string,
  mode: string,
  ready: (states: string[]) => boolean,
) {
  const proc = spawn(
    process.execPath,
    [
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      child,
      dir,
      mode,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  proc.stderr.on('data', d => (stderr += d));
  const reached = new Promise<void>((resolve, reject) => {
    let buffer = '';
    proc.stdout.on('data', chunk => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      if (lines.some(line => ready(JSON.parse(line)))) resolve();
    });
    proc.on('exit', code =>
      reject(new Error(`backend exited with ${code}: ${stderr}`)),
    );
  });
  return { proc, reached };
}

describe('a backend killed with SIGKILL mid-run', () => {
  let dir: string;
  let proc: ChildProcess | undefined;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-restart-'));
    // As root the jobs run under a project uid: they pass through this folder
    // to their own and append to out.txt, which is made for them.
    await fs.chmod(dir, 0o711);
    await fs.writeFile(path.join(dir, 'out.txt'), '', { mode: 0o666 });
    await fs.chmod(path.join(dir, 'out.txt'), 0o666);
  });

  afterAll(async () => {
    proc?.kill('SIGKILL');
    // Stop anything a failed run may have left behind, by its process group.
    await stopLocalWorkloads(path.join(dir, 'data'));
    await removeStorage(dir);
  });

  /** Runs the stand-in backend until its four workloads are all `state`, then kills it. */
  const runUntilAll = async (mode: string, state: string) => {
    const backend = startBackend(
      dir,
      mode,
      states => states.length === 4 && states.every(s => s === state),
    );
    proc = backend.proc;
    await backend.reached;
    backend.proc.kill('SIGKILL');
    return backend.proc;
  };

  it('re-adopts live work, retries lost work, and runs nothing twice', async () => {
    const first = await runUntilAll('submit', 'running');
    await new Promise(r => first.once('exit', r));

    // While the backend is down, one workload's processes die without a trace.
    const runs = path.join(dir, 'data/local-driver/runs');
    const states = (await fs.readdir(runs))
      .filter(n => n.endsWith('.json'))
      .sort();
    const victim = JSON.parse(
      await fs.readFile(path.join(runs, states[0]), 'utf8'),
    );
    process.kill(-victim.pgid, 'SIGKILL');

    await runUntilAll('resume', 'succeeded');

    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'ml.sqlite') },
      useNullAsDefault: true,
    });
    const workloads = await knex('workloads').select(
      'id',
      'state',
      'attempt',
      'reason',
    );
    const out = (await fs.readFile(path.join(dir, 'out.txt'), 'utf8'))
      .trim()
      .split('\n');
    // Every workload finished once: no duplicate execution after the restart.
    expect(out.map(l => l.split(' ')[0]).sort()).toEqual(
      workloads.map(w => w.id).sort(),
    );
    const killed = workloads.find(w => w.attempt === 2)!;
    expect(workloads.filter(w => w.attempt === 2)).toHaveLength(1);
    const events = await knex('workload_events')
      .where({ workload_id: killed.id })
      .orderBy('id');
    expect(events.map(e => `${e.attempt}:${e.to_state}`)).toEqual(
      retriedOnceHistory('succeeded'),
    );
    expect(events[3].reason).toMatch(
      /disappeared|lost when the backend restarted|killed/,
    );
    // Each workload was started exactly once per attempt.
    const starts = await knex('workload_events')
      .where({ to_state: 'starting' })
      .count({ n: '*' });
    expect(Number(starts[0].n)).toBe(5);
    // Reservations equal what really runs: nothing.
    const holding = await knex('workloads')
      .whereIn('state', ['starting', 'running'])
      .count({ n: '*' });
    expect(Number(holding[0].n)).toBe(0);
    await knex.destroy();
  });
});
