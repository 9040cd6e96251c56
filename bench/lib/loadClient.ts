/**
 * The parent's side of bench/lib/loadgen.ts: forks the load generator into
 * its own process and runs loads in it one at a time.
 */
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { LoadResult, LoadRun } from './loadgen';

export type { LoadResult, LoadRun, LoadTarget } from './loadgen';

export class LoadGenerator {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: LoadResult) => void; reject: (e: Error) => void }
  >();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: any) => {
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.pending.delete(message.id);
      if (message.error) entry.reject(new Error(message.error));
      else entry.resolve(message.result);
    });
    child.on('exit', code => {
      for (const entry of this.pending.values()) {
        entry.reject(new Error(`the load generator exited with ${code}`));
      }
      this.pending.clear();
    });
  }

  static async start(): Promise<LoadGenerator> {
    const child = fork(path.join(__dirname, 'loadgen.ts'), [], {
      execArgv: [
        '-r',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', code =>
        reject(new Error(`the load generator exited with ${code}`)),
      );
    });
    return new LoadGenerator(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  run(run: LoadRun): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, run });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise(resolve => this.child.once('exit', resolve));
    this.child.send({ exit: true });
    await exited;
  }
}
