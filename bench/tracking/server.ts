/**
 * The tracking server as the backend builds it (`createTrackingFeature`
 * with `SqlTrackingSearch`), in an express app on loopback, called by a
 * workload with its own token as an MLflow client in a job is.
 */
import express from 'express';
import { Knex } from 'knex';
import fs from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  ProjectStore,
  SettingsStore,
  WorkloadTokens,
} from '@ml-platform/plugin-ml-backend/testUtils';
import { createTrackingFeature } from '../../plugins/ml-backend/src/experiments/createTrackingFeature';
import { SqlTrackingSearch } from '../../plugins/ml-backend/src/experiments/tracking/SqlTrackingSearch';
import { silentLogger } from '../lib/util';

export const PROJECT = '11111111-1111-4111-8111-111111111111';
const WORKLOAD = '22222222-2222-4222-8222-222222222222';
const NOW = '2026-12-01T00:00:00.000Z';

/** Where MLflow clients send their calls (`MLFLOW_TRACKING_URI` + this). */
export const MLFLOW_PATH = '/api/ml/mlflow/api/2.0/mlflow';

export interface TrackingServer {
  port: number;
  /** The workload's `Authorization` header. */
  headers: Record<string, string>;
  /** One call of the API (setup only: not timed), its JSON answer. */
  call(method: 'GET' | 'POST', endpoint: string, input?: object): Promise<any>;
  close(): Promise<void>;
}

/** The workspace and project the experiments belong to. */
async function insertProject(knex: Knex) {
  const workspace = 'bench';
  await knex('workspaces').insert({
    name: workspace,
    title: workspace,
    description: '',
    owner: 'user:default/admin',
    driver: 'fake',
    node_groups: '[]',
    env: '{}',
    default_quota_cpu_millis: 1000,
    default_quota_memory_mib: 1024,
    default_quota_gpu: 0,
    created_at: NOW,
    updated_at: NOW,
  });
  await knex('projects').insert({
    id: PROJECT,
    workspace,
    name: 'bench',
    title: 'bench',
    description: '',
    owner: 'user:default/admin',
    visibility: 'private',
    env: '{}',
    created_by: 'user:default/admin',
    created_at: NOW,
    updated_at: NOW,
  });
}

/**
 * Starts the server on a fresh database. The workload the token names comes
 * from memory (the backend reads it by primary key from `workloads`); user
 * callers, whose permission checks go through the permission service, are
 * not measured.
 */
export async function startTrackingServer(knex: Knex): Promise<TrackingServer> {
  await insertProject(knex);
  const storageRoot = await fs.mkdtemp(
    path.join(os.tmpdir(), 'ml-bench-tracking-'),
  );
  const tokens = new WorkloadTokens(new SettingsStore(knex));
  const token = await tokens.issue({ workloadId: WORKLOAD, attempt: 1 });
  const workload = {
    id: WORKLOAD,
    attempt: 1,
    state: 'running',
    projectId: PROJECT,
    requester: 'user:default/bench',
  };
  const feature = createTrackingFeature({
    db: knex,
    search: new SqlTrackingSearch(knex),
    storageRoot,
  });
  const router = feature.router({
    // Only user callers need it.
    access: {} as any,
    tokens,
    workloadStore: {
      get: async (id: string) => (id === WORKLOAD ? workload : undefined),
    } as any,
    projectStore: new ProjectStore(knex),
    logger: silentLogger(),
  });
  const app = express().use('/api/ml', router);
  const server = http.createServer(app);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const headers = { authorization: `Bearer ${token}` };

  return {
    port,
    headers,
    async call(method, endpoint, input = {}) {
      const query =
        method === 'GET'
          ? `?${new URLSearchParams(input as Record<string, string>)}`
          : '';
      const res = await fetch(
        `http://127.0.0.1:${port}${MLFLOW_PATH}/${endpoint}${query}`,
        {
          method,
          headers: { ...headers, 'content-type': 'application/json' },
          body: method === 'POST' ? JSON.stringify(input) : undefined,
        },
      );
      const text = await res.text();
      if (res.status !== 200) {
        throw new Error(`${endpoint}: HTTP ${res.status}: ${text}`);
      }
      return JSON.parse(text);
    },
    async close() {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
      await fs.rm(storageRoot, { recursive: true, force: true });
    },
  };
}
