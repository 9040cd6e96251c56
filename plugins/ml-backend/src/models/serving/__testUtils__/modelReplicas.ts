import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ModelDirectory,
  ServingReplica,
  ServingTarget,
} from '../ModelDirectory';

const SDK = path.resolve(__dirname, '../../../../../../sdk/python');

/** Model functions the serving tests call, in one file. */
export const TEST_MODEL = `
import time
import ml_platform

def predict(args):
    ml_platform.track_metric("input_a", args.get("a", 0))
    return {"sum": args["a"] + args["b"]}

def slow(args):
    time.sleep(args.get("seconds", 1))
    return {"slept": args.get("seconds", 1)}

def fail(args):
    raise ValueError("b must not be " + str(args.get("b")))

@ml_platform.model
def decorated(args):
    return args["a"] * 2
`;

export interface RunningReplica extends ServingReplica {
  child: ChildProcess;
}

/** Real `python3 -m ml_platform.model_server` processes, each in its own process group. */
export class ModelReplicas {
  private readonly children: ChildProcess[] = [];
  private dir?: string;

  async start(functionName: string, index = 0): Promise<RunningReplica> {
    if (!this.dir) {
      this.dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-serving-'));
      await fs.writeFile(path.join(this.dir, 'model.py'), TEST_MODEL);
    }
    const child = spawn('python3', ['-m', 'ml_platform.model_server'], {
      cwd: this.dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PYTHONPATH: SDK,
        PYTHONUNBUFFERED: '1',
        ML_MODEL_FILE: 'model.py',
        ML_MODEL_FUNCTION: functionName,
        ML_MODEL_PORT: '0',
      },
    });
    this.children.push(child);
    let stderr = '';
    child.stderr!.on('data', chunk => (stderr += chunk));
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', chunk => {
        out += chunk;
        const match = /on 127\.0\.0\.1:(\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.on('exit', code =>
        reject(new Error(`model_server exited with ${code}: ${stderr}`)),
      );
    });
    return {
      workloadId: `replica-${functionName}-${index}-${child.pid}`,
      index,
      url: `http://127.0.0.1:${port}`,
      child,
    };
  }

  /** Ends every replica's process group and removes the model folder. */
  async stopAll() {
    for (const child of this.children.splice(0)) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (this.dir)
      await fs.rm(this.dir, {
        recursive: true,
        force: true,
        maxRetries: 10,
        retryDelay: 100,
      });
  }

  /** Ends one replica (a replica going away under load). */
  kill(replica: RunningReplica) {
    try {
      process.kill(-replica.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** An in-memory ModelDirectory whose targets and keys a test sets. */
export class FakeModelDirectory implements ModelDirectory {
  readonly targets = new Map<string, ServingTarget>();
  /** access key -> model id */
  readonly keys = new Map<string, string>();
  private readonly listeners = new Set<(modelId: string) => void>();

  set(target: ServingTarget) {
    this.targets.set(target.modelId, target);
    for (const listener of this.listeners) listener(target.modelId);
  }

  async byId(projectId: string, modelIdOrName: string) {
    for (const t of this.targets.values()) {
      if (
        t.projectId === projectId &&
        (t.modelId === modelIdOrName || t.modelName === modelIdOrName)
      )
        return t;
    }
    return undefined;
  }

  async byAccessKey(key: string) {
    const modelId = this.keys.get(key);
    return modelId ? this.targets.get(modelId) : undefined;
  }

  async keyIsValidFor(modelId: string, key: string) {
    return this.keys.get(key) === modelId;
  }

  onChange(listener: (modelId: string) => void) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
