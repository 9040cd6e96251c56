import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  MlTestBackend,
  MlTestBackendOptions,
  STANDARD_NODE_GROUP,
  startMlBackend,
} from './startMlBackend';
import { PYTHON_RUNTIME } from './storeRows';
import { waitFor } from './waitFor';

export { PYTHON_RUNTIME };

type Server = MlTestBackend['server'];
/** Headers every request of a helper carries, such as a user's token. */
type Headers = Record<string, string>;

/** A compute profile as the API takes it. */
type Profile = { name: string; cpu: number; memoryMiB: number };

/** The profile most tests run their work with. */
export const SMALL_PROFILE: Profile = {
  name: 'small',
  cpu: 1,
  memoryMiB: 1024,
};

/** Fields of a new workspace other than its name, as the API takes them. */
type WorkspaceFields = Record<string, unknown>;

/**
 * Creates workspace `name` through the API, on the standard node group
 * unless `fields` (further fields of the request) say otherwise.
 */
export async function createWorkspace(
  server: Server,
  name: string = 'ws',
  options: { fields?: WorkspaceFields; headers?: Headers } = {},
): Promise<void> {
  const { fields = {}, headers = {} } = options;
  await request(server)
    .post('/api/ml/workspaces')
    .set(headers)
    .send({ name, nodeGroups: [STANDARD_NODE_GROUP], ...fields })
    .expect(201);
}

/**
 * Creates a workspace on the standard node group and one compute profile in
 * it, through the API, as an admin would before anyone can run work.
 */
export async function createWorkspaceWithProfile(
  server: Server,
  profile: Profile = SMALL_PROFILE,
  options: {
    workspace?: string;
    fields?: WorkspaceFields;
    headers?: Headers;
  } = {},
): Promise<void> {
  const { workspace = 'ws', fields, headers = {} } = options;
  await createWorkspace(server, workspace, { fields, headers });
  await request(server)
    .post(`/api/ml/workspaces/${workspace}/profiles`)
    .set(headers)
    .send(profile)
    .expect(201);
}

/** The id of the first configured runtime (the tests configure one). */
export async function firstRuntimeId(
  server: Server,
  headers: Headers = {},
): Promise<string> {
  const response = await request(server)
    .get('/api/ml/runtimes')
    .set(headers)
    .expect(200);
  return response.body.items[0].id;
}

/**
 * Creates a project through the API and returns its id; `fields` are further
 * fields of the request (title, env, ...).
 */
export async function createProject(
  server: Server,
  name: string,
  options: { workspace?: string; fields?: object; headers?: Headers } = {},
): Promise<string> {
  const { workspace = 'ws', fields = {}, headers = {} } = options;
  const response = await request(server)
    .post('/api/ml/projects')
    .set(headers)
    .send({ workspace, name, ...fields })
    .expect(201);
  return response.body.id;
}

/** Writes one file of a project through the files API. */
export async function putProjectFile(
  server: Server,
  projectId: string,
  filePath: string,
  content: string | Buffer,
  headers: Headers = {},
): Promise<void> {
  await request(server)
    .put(`/api/ml/projects/${projectId}/files/content?path=${filePath}`)
    .set(headers)
    .set('Content-Type', 'application/octet-stream')
    .send(typeof content === 'string' ? Buffer.from(content) : content)
    .expect(200);
}

/** Writes files of a project (path to content) through the files API. */
export async function putProjectFiles(
  server: Server,
  projectId: string,
  files: Record<string, string | Buffer>,
  headers: Headers = {},
): Promise<void> {
  for (const [filePath, content] of Object.entries(files)) {
    await putProjectFile(server, projectId, filePath, content, headers);
  }
}

export interface PythonBackendOptions extends MlTestBackendOptions {
  /** The `ml` config; `engine` settings add to the fast reconcile. */
  config?: { engine?: object; [key: string]: unknown };
  /** The compute profile of workspace `ws`. */
  profile?: Profile;
  /** Further fields of workspace `ws` (env, node groups, ...). */
  workspace?: WorkspaceFields;
  /** Headers the setup requests carry, such as an admin's token. */
  headers?: Headers;
}

export interface PythonBackend {
  backend: MlTestBackend;
  /** The id of the configured `python3` runtime. */
  runtimeId: string;
}

/**
 * Starts the plugin where most API tests begin: the local driver runs
 * `python3` and reconciles every 0.2 s, and workspace `ws` has one compute
 * profile. A backend whose setup fails is stopped, since no test gets it.
 */
export async function startPythonBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: PythonBackendOptions = {},
): Promise<PythonBackend> {
  const { profile, workspace, headers = {}, config = {}, ...start } = options;
  const backend = await startMlBackend(databases, databaseId, {
    ...start,
    config: {
      ...config,
      engine: { reconcileIntervalSeconds: 0.2, ...config.engine },
      runtimes: [PYTHON_RUNTIME],
    },
  });
  try {
    await createWorkspaceWithProfile(backend.server, profile, {
      fields: workspace,
      headers,
    });
    return {
      backend,
      runtimeId: await firstRuntimeId(backend.server, headers),
    };
  } catch (error) {
    await backend.stop();
    throw error;
  }
}

/**
 * Waits until a build (at `buildUrl`, under /api/ml) is neither queued nor
 * building, and answers it as it then is.
 */
export function finishedBuild(server: Server, buildUrl: string): Promise<any> {
  return waitFor(async () => {
    const res = await request(server).get(buildUrl).expect(200);
    return (
      res.body.state !== 'queued' && res.body.state !== 'building' && res.body
    );
  }, 'the build');
}

/** The names of the items a list endpoint (under /api/ml) answers, in order. */
export async function namesListedAt(
  server: Server,
  url: string,
  headers: Headers = {},
): Promise<string[]> {
  const res = await request(server).get(url).set(headers).expect(200);
  return res.body.items.map((item: { name: string }) => item.name);
}

/** Waits until a workload is in `state` (the description names it in a timeout). */
export async function workloadInState(
  server: Server,
  workloadId: string,
  state: string,
  what: string,
): Promise<void> {
  await waitFor(
    async () =>
      (
        await request(server).get(`/api/ml/workloads/${workloadId}`)
      ).body.state === state,
    what,
  );
}
