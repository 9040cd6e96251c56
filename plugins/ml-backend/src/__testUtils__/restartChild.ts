/*
 * A stand-in backend for the restart test: the real stores, engine and
 * local-process driver on a SQLite file, reconciling every 100 ms, with no
 * HTTP. The test kills it with SIGKILL and starts it again.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs restartChild.ts <dir> submit|resume
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import knexFactory from 'knex';
import path from 'node:path';
import { readMlConfig } from '../config';
import { PYTHON_RUNTIME_ROW, newProject, newWorkspace } from './storeRows';
import { createMlBackend } from '../createMlBackend';
import {
  ProjectStore,
  RuntimeStore,
  WorkspaceStore,
  migrationsDir,
} from '../database';

/** Logs to stderr, which the test shows if the child fails. */
const logger: LoggerService = {
  error: m => process.stderr.write(`error: ${m}\n`),
  warn: m => process.stderr.write(`warn: ${m}\n`),
  info: () => {},
  debug: () => {},
  child: () => logger,
};

async function main() {
  const [dir, mode] = process.argv.slice(2);
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'ml.sqlite') },
    useNullAsDefault: true,
  });
  await knex.migrate.latest({ directory: migrationsDir });
  const config = readMlConfig(
    new ConfigReader({ ml: { storage: { root: path.join(dir, 'data') } } }),
  );
  const services = createMlBackend({
    db: knex,
    config,
    logger,
    extraDrivers: [],
    notifiers: [],
    apiUrl: 'http://127.0.0.1:1/api/ml',
    sdkPath: path.resolve(__dirname, '../../../../sdk/python'),
  });

  if (mode === 'submit') {
    await new WorkspaceStore(knex).create(newWorkspace());
    const runtime = await new RuntimeStore(knex).create(PYTHON_RUNTIME_ROW);
    const project = await new ProjectStore(knex).create(newProject('p'));
    await services.files.init(project.id, {
      // Writes its id once it finishes, so a second execution would show.
      'work.py': [
        'import os, time',
        'time.sleep(float(os.environ["SLEEP"]))',
        'with open(os.environ["OUT"], "a") as f:',
        '    f.write(os.environ["ML_WORKLOAD_ID"] + " " + os.environ["ML_ATTEMPT"] + "\\n")',
      ].join('\n'),
    });
    for (let i = 0; i < 4; i++) {
      await services.engine.submit({
        kind: 'job',
        name: `w${i}`,
        project: {
          id: project.id,
          name: 'p',
          workspace: 'ws',
          owner: 'group:default/a',
        },
        runtimeId: runtime.id,
        resources: { cpu: 1, memoryMiB: 64, gpu: 0 },
        requester: 'user:default/a',
        args: ['work.py'],
        env: { SLEEP: '3', OUT: path.join(dir, 'out.txt') },
        maxAttempts: 2,
        retryBackoffSeconds: 0,
      });
    }
  }
  const loop = async () => {
    for (;;) {
      await services.reconciler.reconcile();
      const states = (await knex('workloads').select('state')).map(
        r => r.state,
      );
      process.stdout.write(`${JSON.stringify(states)}\n`);
      await new Promise(r => setTimeout(r, 100));
    }
  };
  await loop();
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
