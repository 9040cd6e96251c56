// The browser tier: builds the frontend if needed, starts one portal on a
// free port with a temp data folder, runs the e2e/*.test.mjs files against it
// with node's test runner (one file at a time), and stops the portal, also
// when tests fail or the run is interrupted.
//
//   node e2e/run.mjs [--no-build] [--rebuild] [FILE.test.mjs ...]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureAppBuilt, repoRoot, startPortal } from './lib/portal.mjs';

const args = process.argv.slice(2);
const flags = new Set(args.filter(a => a.startsWith('--')));
let files = args.filter(a => !a.startsWith('--'));
if (files.length === 0) {
  const dir = path.join(repoRoot, 'e2e');
  files = fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.test.mjs'))
    .sort((a, b) =>
      a === 'smoke.test.mjs'
        ? -1
        : b === 'smoke.test.mjs'
        ? 1
        : a.localeCompare(b),
    )
    .map(f => path.join(dir, f));
}

const t0 = Date.now();
try {
  if (!flags.has('--no-build')) {
    ensureAppBuilt({ force: flags.has('--rebuild') });
  }
} catch (error) {
  process.stderr.write(`[e2e] ${error.message}\n`);
  process.exit(1);
}
const tBuilt = Date.now();

let portal;
let exitCode = 1;
const onSignal = async signal => {
  process.stderr.write(`[e2e] ${signal}: stopping the portal\n`);
  await portal?.stop();
  process.exit(130);
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

try {
  portal = await startPortal();
  const tReady = Date.now();
  const testRun = spawn(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: portal.baseUrl },
    },
  );
  exitCode = await new Promise(resolve =>
    testRun.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
  const tDone = Date.now();
  process.stderr.write(
    `[e2e] times: frontend build ${((tBuilt - t0) / 1000).toFixed(1)} s, ` +
      `portal start ${((tReady - tBuilt) / 1000).toFixed(1)} s, ` +
      `tests ${((tDone - tReady) / 1000).toFixed(1)} s\n`,
  );
  if (exitCode !== 0) {
    process.stderr.write(
      `[e2e] backend log: ${portal.logFile} (kept: E2E_KEEP_TMP=1)\n`,
    );
  }
} catch (error) {
  process.stderr.write(`[e2e] ${error.stack ?? error}\n`);
  exitCode = 1;
} finally {
  await portal?.stop();
}
process.exit(exitCode);
