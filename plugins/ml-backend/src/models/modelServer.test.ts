import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '../__testUtils__/waitFor';
import { rawRequest } from '../__testUtils__/rawRequest';
import { sdkPath } from './__testUtils__/modelServices';

jest.setTimeout(60_000);

const MODEL = `import time
from ml_platform import _context

active = 0
most = 0

def predict(args):
    global active, most
    active += 1
    most = max(most, active)
    try:
        if args.get("sleep"):
            time.sleep(args["sleep"])
        if args.get("fail"):
            raise KeyError("missing")
        if args.get("odd"):
            return {1, 2}
        _context.record_metric("x", args.get("x"))
        return {"id": _context.current_prediction_id(), "most": most}
    finally:
        active -= 1
`;

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise(r => server.once('listening', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise(r => server.close(r));
  return port;
}

/** A request to the model server, its JSON answer parsed. */
async function send(
  agent: http.Agent | false,
  port: number,
  method: string,
  urlPath: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; socket: unknown }> {
  const res = await rawRequest(`http://127.0.0.1:${port}${urlPath}`, {
    method,
    agent,
    headers,
    body,
  });
  return {
    status: res.status,
    body: res.body ? JSON.parse(res.body) : undefined,
    socket: res.socket,
  };
}

describe('ml_platform.model_server with real python3', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  let output = '';

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-model-server-'));
    await fs.writeFile(path.join(dir, 'model.py'), MODEL);
    output = '';
  });

  afterEach(async () => {
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    child = undefined;
    await fs.rm(dir, {
      recursive: true,
      force: true,
      maxRetries: 10,
      retryDelay: 100,
    });
  });

  const start = async (env: Record<string, string>) => {
    child = spawn('python3', ['-m', 'ml_platform.model_server'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', PYTHONPATH: sdkPath, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', d => (output += d));
    child.stderr!.on('data', d => (output += d));
    return child;
  };

  it('serves predictions one at a time over keep-alive, with errors answered and served on', async () => {
    const port = await freePort();
    await start({
      ML_MODEL_PORT: String(port),
      ML_MODEL_FILE: 'model.py',
      ML_MODEL_FUNCTION: 'predict',
    });
    await waitFor(
      async () =>
        (
          await send(false, port, 'GET', '/health').catch(() => undefined)
        )?.status === 200,
      'health',
    );

    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const predict = (input: object, headers?: Record<string, string>) =>
      send(agent, port, 'POST', '/predict', JSON.stringify(input), headers);
    try {
      const first = await predict(
        { x: 1.5 },
        { 'X-ML-Prediction-Id': 'uuid-1' },
      );
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        success: true,
        response: { id: 'uuid-1', most: 1 },
        metrics: { x: 1.5 },
      });
      expect(typeof first.body.modelMs).toBe('number');
      const second = await predict({});
      // Same connection, and no prediction id without the header.
      expect(second.socket).toBe(first.socket);
      expect(second.body.response.id).toBeNull();

      const failed = await predict({ fail: true });
      expect(failed).toMatchObject({
        status: 200,
        body: {
          success: false,
          error: { name: 'KeyError', message: "'missing'" },
        },
      });
      const odd = await predict({ odd: true });
      expect(odd.body).toMatchObject({
        success: false,
        error: { name: 'TypeError' },
      });
      const invalid = await send(agent, port, 'POST', '/predict', '{"x":');
      expect(invalid).toMatchObject({
        status: 400,
        body: { success: false, error: { name: 'InvalidJSON' } },
      });
      expect((await send(agent, port, 'POST', '/nothing', '{}')).status).toBe(
        404,
      );
      expect((await send(agent, port, 'GET', '/health')).status).toBe(200);
    } finally {
      agent.destroy();
    }

    // Concurrent requests on separate connections still run one at a time.
    const answers = await Promise.all(
      [0, 1, 2].map(() =>
        send(false, port, 'POST', '/predict', JSON.stringify({ sleep: 0.05 })),
      ),
    );
    expect(answers.map(a => a.body.success)).toEqual([true, true, true]);
    const after = await send(
      false,
      port,
      'POST',
      '/predict',
      JSON.stringify({}),
    );
    expect(after.body.response.most).toBe(1);
    expect(output).toContain("KeyError: 'missing'");
  });

  it('exits non-zero with the reason when the function cannot be loaded', async () => {
    const proc = await start({
      ML_MODEL_PORT: String(await freePort()),
      ML_MODEL_FILE: 'model.py',
      ML_MODEL_FUNCTION: 'score',
    });
    const [code] = await new Promise<[number | null]>(resolve =>
      proc.on('close', c => resolve([c])),
    );
    expect(code).toBe(1);
    expect(output.trim().split('\n').pop()).toBe(
      "function 'score' not found in model.py",
    );
  });
});
