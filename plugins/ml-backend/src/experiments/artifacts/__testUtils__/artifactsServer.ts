import express, { NextFunction, Request, Response } from 'express';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import request from 'supertest';
import { tempDirForEachTest } from '../../../__testUtils__/tempDirs';
import { doesNotExist, MlflowError } from '../../MlflowError';
import { LocalArtifactStore } from '../LocalArtifactStore';
import {
  ArtifactsRouterOptions,
  createArtifactsRouter,
} from '../artifactsRouter';

export const ARTIFACTS_API = '/mlflow/api/2.0/mlflow-artifacts';
/** The store folder of run `run1` of experiment 1. */
export const RUN = '1/run1/artifacts';
export const TOKEN = 'Bearer token-1';

/** Reads a response body whole, as bytes (for supertest's `parse`). */
export const binary: any = (
  res: NodeJS.ReadableStream,
  done: (e: null, b: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', chunk => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Every file under a folder, as sorted relative paths. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs
    .readdir(dir, { recursive: true, withFileTypes: true })
    .catch(() => []);
  return entries
    .filter(e => e.isFile())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

export interface ArtifactsTestServer {
  server: http.Server;
  /** The store's root folder. */
  root: string;
  /** A folder beside the root, holding `secret.txt`. */
  outside: string;
  /** Refuses experiment 2 with PERMISSION_DENIED; allows the rest. */
  authorize: jest.MockedFunction<ArtifactsRouterOptions['authorize']>;
  /** Knows run `run1` only. */
  resolveRun: jest.MockedFunction<ArtifactsRouterOptions['resolveRun']>;
  /** Starts the server again with other options. */
  start(options?: Partial<ArtifactsRouterOptions>): Promise<void>;
  put(artifactPath: string, body: string | Buffer, type?: string): request.Test;
  download(artifactPath: string): request.Test;
  /** The calls of `authorize` so far, as `"<need> <path>"`. */
  needs(): string[];
}

/**
 * The artifacts router on a bare express app over a local store in a fresh
 * folder, for each test of the calling `describe`. Errors other than
 * MLflow's reach a stand-in for the plugin's error handler (500,
 * `handledBy: 'plugin'`).
 */
export function useArtifactsServer(): ArtifactsTestServer {
  let dir = '';
  tempDirForEachTest('ml-artifacts-router-', d => (dir = d));

  const t = {
    async start(options: Partial<ArtifactsRouterOptions> = {}) {
      t.server?.close();
      const app = express();
      app.use(
        createArtifactsRouter({
          store: new LocalArtifactStore(t.root),
          authorize: t.authorize,
          resolveRun: t.resolveRun,
          ...options,
        }),
      );
      app.use(
        (error: Error, _req: Request, res: Response, _next: NextFunction) => {
          res.status(500).json({ handledBy: 'plugin', message: error.message });
        },
      );
      t.server = app.listen(0, '127.0.0.1');
      await once(t.server, 'listening');
    },
    put: (artifactPath: string, body: string | Buffer, type = 'text/plain') =>
      request(t.server)
        .put(`${ARTIFACTS_API}/artifacts/${artifactPath}`)
        .set('Authorization', TOKEN)
        .set('Content-Type', type)
        .send(body),
    download: (artifactPath: string) =>
      request(t.server)
        .get(`${ARTIFACTS_API}/artifacts/${artifactPath}`)
        .buffer(true)
        .parse(binary),
    needs: () => t.authorize.mock.calls.map(([, p, need]) => `${need} ${p}`),
  } as ArtifactsTestServer;

  beforeEach(async () => {
    t.root = path.join(dir, 'mlflow-artifacts');
    t.outside = path.join(dir, 'outside');
    await fs.mkdir(t.outside);
    await fs.writeFile(path.join(t.outside, 'secret.txt'), 'top secret');
    t.authorize = jest.fn(async (_req, artifactPath, _need) => {
      if (artifactPath.startsWith('2/')) {
        throw new MlflowError('PERMISSION_DENIED', 'Not your experiment');
      }
    });
    t.resolveRun = jest.fn(async (_req, runId) => {
      if (runId !== 'run1') throw doesNotExist(`Run '${runId}' not found`);
      return { artifactUri: `mlflow-artifacts:/${RUN}` };
    });
    await t.start();
  });

  afterEach(() => {
    t.server.closeAllConnections();
    t.server.close();
  });

  return t;
}
