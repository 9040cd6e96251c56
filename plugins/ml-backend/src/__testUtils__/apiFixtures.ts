import request from 'supertest';
import { MlTestBackend, STANDARD_NODE_GROUP } from './startMlBackend';

/**
 * The runtime most API tests configure: the local driver starts it as the
 * machine's `python3`, so workloads really run.
 */
export const PYTHON_RUNTIME = {
  editor: 'Workbench',
  kernel: 'Python 3',
  edition: 'Standard',
  shortVersion: '1',
  maintenanceVersion: 1,
  command: 'python3',
};

type Server = MlTestBackend['server'];
/** Headers every request of a helper carries, such as a user's token. */
type Headers = Record<string, string>;

/** The profile most tests run their work with. */
export const SMALL_PROFILE = { name: 'small', cpu: 1, memoryMiB: 1024 };

/**
 * Creates a workspace on the standard node group and one compute profile in
 * it, through the API, as an admin would before anyone can run work.
 */
export async function createWorkspaceWithProfile(
  server: Server,
  profile: { name: string; cpu: number; memoryMiB: number } = SMALL_PROFILE,
  options: { workspace?: string; headers?: Headers } = {},
): Promise<void> {
  const { workspace = 'ws', headers = {} } = options;
  await request(server)
    .post('/api/ml/workspaces')
    .set(headers)
    .send({ name: workspace, nodeGroups: [STANDARD_NODE_GROUP] })
    .expect(201);
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

/** Creates a project through the API and returns its id. */
export async function createProject(
  server: Server,
  name: string,
  options: { workspace?: string; headers?: Headers } = {},
): Promise<string> {
  const { workspace = 'ws', headers = {} } = options;
  const response = await request(server)
    .post('/api/ml/projects')
    .set(headers)
    .send({ workspace, name })
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
