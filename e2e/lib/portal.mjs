// Starts the portal for the browser tests: the backend (with the app-backend
// serving the built frontend from packages/app/dist) on 127.0.0.1 and a free
// port, with a fresh temp folder for its data and config, so it never collides
// with a developer's running portal (:3000/:7007, .ml-data/).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const appDir = path.join(repoRoot, 'packages/app');
const backendDir = path.join(repoRoot, 'packages/backend');
const cliBin = path.join(
  repoRoot,
  'node_modules/@backstage/cli/bin/backstage-cli',
);
// What `backstage-cli package start` loads the backend's TypeScript with.
const nodeTransform = path.join(
  repoRoot,
  'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
);

const log = msg => process.stderr.write(`[e2e] ${msg}\n`);

/** A TCP port that nothing listens on right now (the OS picks it). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function newestMtime(
  p,
  skip = new Set(['node_modules', 'dist', 'dist-types']),
) {
  let newest = 0;
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (skip.has(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry), skip));
  }
  return newest;
}

/**
 * Builds packages/app (production bundle into packages/app/dist) unless a
 * build newer than every frontend source is there already. `force` rebuilds.
 */
export function ensureAppBuilt({ force = false } = {}) {
  const index = path.join(appDir, 'dist/index.html');
  if (!force && fs.existsSync(index)) {
    const built = fs.statSync(index).mtimeMs;
    const sources = Math.max(
      newestMtime(appDir),
      ...fs
        .readdirSync(path.join(repoRoot, 'plugins'))
        .map(p => newestMtime(path.join(repoRoot, 'plugins', p))),
      newestMtime(path.join(repoRoot, 'yarn.lock')),
      newestMtime(path.join(repoRoot, 'app-config.yaml')),
    );
    if (built > sources) {
      log('packages/app/dist is up to date, not rebuilding');
      return;
    }
  }
  log('building the frontend (packages/app -> packages/app/dist)');
  const started = Date.now();
  const res = spawnSync(process.execPath, [cliBin, 'package', 'build'], {
    cwd: appDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: process.env,
  });
  if (res.status !== 0) {
    throw new Error(`frontend build failed (exit ${res.status ?? res.signal})`);
  }
  log(`frontend built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function tail(file, lines = 60) {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(line => !line.includes('/.backstage/health/'))
      .slice(-lines)
      .join('\n');
  } catch {
    return '(no log)';
  }
}

function processGroupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops the workloads the portal's local-process driver started (sessions,
 * job runs). They live in their own process groups so that a real backend
 * can restart without killing them; a test portal must not leave them
 * behind. Each run's state file names its group; a group is only signalled
 * while its leader's command line still names this run's folder.
 */
function stopWorkloads(dataDir) {
  const runs = path.join(dataDir, 'files', 'local-driver', 'runs');
  let names = [];
  try {
    names = fs.readdirSync(runs).filter(n => n.endsWith('.json'));
  } catch {
    return;
  }
  for (const name of names) {
    try {
      const state = JSON.parse(fs.readFileSync(path.join(runs, name), 'utf8'));
      const cmdline = fs.readFileSync(`/proc/${state.pgid}/cmdline`, 'utf8');
      if (cmdline.includes(dataDir)) process.kill(-state.pgid, 'SIGKILL');
    } catch {}
  }
}

/**
 * Ends the portals of earlier runs whose test process died without stopping
 * them (SIGKILL), and deletes their temp folders. A portal is only killed if
 * its command line still names its own temp folder (no pid-reuse accidents).
 */
function reapStalePortals() {
  const tmp = os.tmpdir();
  for (const entry of fs.readdirSync(tmp)) {
    if (!entry.startsWith('ml-e2e-')) continue;
    const dir = path.join(tmp, entry);
    let owner;
    try {
      owner = JSON.parse(fs.readFileSync(path.join(dir, 'owner.json'), 'utf8'));
    } catch {
      continue;
    }
    if (pidAlive(owner.ownerPid)) continue;
    stopWorkloads(path.join(dir, 'data'));
    try {
      const cmdline = fs.readFileSync(
        `/proc/${owner.backendPid}/cmdline`,
        'utf8',
      );
      if (cmdline.includes(dir)) {
        process.kill(-owner.backendPid, 'SIGKILL');
        log(`ended the portal of a run that is gone (pid ${owner.backendPid})`);
      }
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the backend and resolves once it is ready and serves the app.
 * Returns { baseUrl, port, tmpDir, logFile, stop }.
 */
export async function startPortal({
  timeoutMs = Number(process.env.E2E_START_TIMEOUT_MS ?? 180_000),
  // More config files of the repo, layered over app-config.yaml (e.g. the
  // multi-user setup), before the portal's own temp config.
  configFiles = [],
} = {}) {
  if (!fs.existsSync(path.join(appDir, 'dist/index.html'))) {
    throw new Error(
      'packages/app/dist is missing: build the frontend first (node e2e/run.mjs does, or `yarn workspace app build`)',
    );
  }
  reapStalePortals();
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-e2e-'));
  // Passable (not listable): a backend running as root runs workloads under
  // project uids, which must reach their folders in the storage below.
  fs.chmodSync(tmpDir, 0o711);
  const port = Number(process.env.E2E_PORT) || (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = path.join(tmpDir, 'data');
  fs.mkdirSync(path.join(dataDir, 'sqlite'), { recursive: true });

  // JSON is YAML: loaded after app-config.yaml, so it overrides it.
  const config = {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      cors: { origin: baseUrl },
      database: {
        client: 'better-sqlite3',
        connection: { directory: path.join(dataDir, 'sqlite') },
      },
    },
    // Project files in the temp folder too (app-config.yaml: ../../.ml-data);
    // the demo seed (ml.seed.demo) comes from app-config.yaml.
    ml: { storage: { root: path.join(dataDir, 'files') } },
  };
  const configFile = path.join(tmpDir, 'app-config.e2e.yaml');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));

  const logFile = path.join(tmpDir, 'backend.log');
  const logFd = fs.openSync(logFile, 'a');
  log(`starting the portal at ${baseUrl} (temp folder ${tmpDir})`);
  const started = Date.now();
  // The backend as `backstage-cli package start` runs it (packages/backend,
  // TypeScript loaded through the CLI's transform), minus its file watcher:
  // a crash ends the process, so a broken backend fails fast. Its own process
  // group, so stop() ends it and anything it spawned.
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      nodeTransform,
      'src/index',
      '--config',
      path.join(repoRoot, 'app-config.yaml'),
      ...configFiles.flatMap(file => ['--config', path.join(repoRoot, file)]),
      '--config',
      configFile,
    ],
    {
      cwd: backendDir,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        FORCE_COLOR: '0',
      },
    },
  );
  fs.closeSync(logFd);
  fs.writeFileSync(
    path.join(tmpDir, 'owner.json'),
    JSON.stringify({ ownerPid: process.pid, backendPid: child.pid }),
  );
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (processGroupAlive(child.pid)) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const deadline = Date.now() + 15_000;
      while (processGroupAlive(child.pid) && Date.now() < deadline) {
        await sleep(200);
      }
      if (processGroupAlive(child.pid)) {
        log('the portal did not stop within 15 s of SIGTERM: SIGKILL');
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }
    }
    stopWorkloads(dataDir);
    if (process.env.E2E_KEEP_TMP) {
      log(`kept ${tmpDir}`);
    } else {
      fs.rmSync(tmpDir, { recursive: true, force: true });
    }
    log('portal stopped');
  };

  let lastReadiness = 'no answer';
  try {
    const deadline = started + timeoutMs;
    for (;;) {
      if (exited) {
        throw new Error(
          `the portal exited before it was ready (${JSON.stringify(exited)})`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `the portal was not ready within ${
            timeoutMs / 1000
          } s (readiness: ${lastReadiness})`,
        );
      }
      try {
        const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`, {
          signal: AbortSignal.timeout(5000),
        });
        if (res.ok) break;
        lastReadiness = `HTTP ${res.status} ${(await res.text()).slice(
          0,
          300,
        )}`;
      } catch (error) {
        lastReadiness = String(error.cause?.code ?? error.message);
      }
      await sleep(500);
    }
    const res = await fetch(`${baseUrl}/`, {
      signal: AbortSignal.timeout(10_000),
    });
    const html = await res.text();
    if (!res.ok || !html.includes('<div id="root">')) {
      throw new Error(
        `the backend does not serve the app at ${baseUrl}/ (HTTP ${res.status}); is packages/app/dist built?`,
      );
    }
  } catch (error) {
    process.stderr.write(
      `--- last lines of ${logFile} ---\n${tail(logFile)}\n---\n`,
    );
    await stop();
    throw error;
  }
  log(`portal ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { baseUrl, port, tmpDir, dataDir, logFile, stop };
}
