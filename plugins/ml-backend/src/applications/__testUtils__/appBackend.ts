import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import http from 'node:http';
import { MlTestBackend } from '../../__testUtils__/startMlBackend';
import {
  PythonBackendOptions,
  createProject,
  putProjectFile,
  startPythonBackend,
} from '../../__testUtils__/apiFixtures';

export interface AppBackend {
  backend: MlTestBackend;
  server: http.Server;
  runtimeId: string;
  /** The project whose `app.py` is the app under test. */
  projectId: string;
}

/**
 * Starts the plugin for tests of apps behind the proxy: requests carry no
 * user unless a test gives one (the mock's default is a user), and `admin`
 * creates workspace `ws` and a project holding the app as `app.py`.
 */
export async function startAppBackend(
  databases: TestDatabases,
  options: Pick<PythonBackendOptions, 'config' | 'features'> & {
    admin: Record<string, string>;
    project: string;
    app: string;
  },
): Promise<AppBackend> {
  const { admin, project, app, config, features = [] } = options;
  const { backend, runtimeId } = await startPythonBackend(
    databases,
    'SQLITE_3',
    {
      config,
      features: [
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        ...features,
      ],
      profile: { name: 'small', cpu: 0.5, memoryMiB: 512 },
      headers: admin,
    },
  );
  const server = backend.server as http.Server;
  try {
    const projectId = await createProject(server, project, { headers: admin });
    await putProjectFile(server, projectId, 'app.py', app, admin);
    return { backend, server, runtimeId, projectId };
  } catch (error) {
    await backend.stop();
    throw error;
  }
}
