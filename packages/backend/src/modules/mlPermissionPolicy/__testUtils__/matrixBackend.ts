import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  membershipUserInfoFactory,
  MlTestBackend,
  startMlBackend,
} from '@ml-platform/plugin-ml-backend/testUtils';
import request from 'supertest';
import { permissionModuleMlPolicy } from '../module';
import { onBehalfOfAuthFactory } from './onBehalfOfAuth';
import { MatrixCaller } from './routeNeeds';

const ref = (name: string) => `user:default/${name}`;

/** Every kind of caller of the access matrices, with their project role. */
export const CALLERS: MatrixCaller[] = [
  { name: 'unauthenticated' },
  { name: 'non-member', userRef: ref('nina') },
  { name: 'viewer', userRef: ref('vera'), role: 'viewer' },
  { name: 'operator', userRef: ref('otto'), role: 'operator' },
  { name: 'contributor', userRef: ref('cora'), role: 'contributor' },
  { name: 'admin', userRef: ref('adam'), role: 'admin' },
  // A collaborator through a group they are in.
  { name: 'team viewer', userRef: ref('tim'), role: 'viewer' },
  { name: 'owner', userRef: ref('olivia'), role: 'admin' },
  { name: 'workspace admin', userRef: ref('wanda'), workspaceAdmin: true },
];
const MEMBERSHIPS = {
  [ref('tim')]: ['group:default/reviewers'],
  [ref('wanda')]: ['group:default/ml-platform-admins'],
};

export const owner = CALLERS.find(c => c.name === 'owner')!;
export const wanda = CALLERS.find(c => c.name === 'workspace admin')!;

/** The caller's credentials as request headers (none: unauthenticated). */
export const as = (caller: MatrixCaller) =>
  caller.userRef
    ? { Authorization: mockCredentials.user.header(caller.userRef) }
    : {};

/** Like supertest's `.expect(status)`, with the error's message when it fails. */
export const status = (want: number) => (res: request.Response) => {
  if (res.status !== want) {
    throw new Error(
      `expected ${want}, got ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
};

/**
 * The ML plugin behind the real permission backend and the portal's
 * policy, with the matrix's identities and groups.
 */
export function startMatrixBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): Promise<MlTestBackend> {
  return startMlBackend(databases, databaseId, {
    config: {
      access: { workspaceAdmins: ['group:default/ml-platform-admins'] },
      // Nothing runs in the background between a refusal and its check.
      engine: { reconcileIntervalSeconds: 3600, cronIntervalSeconds: 3600 },
      runtimes: [
        {
          editor: 'Workbench',
          kernel: 'Python 3',
          edition: 'Standard',
          shortVersion: '1',
          maintenanceVersion: 1,
          command: 'python3',
        },
      ],
    },
    rootConfig: { permission: { enabled: true } },
    features: [
      permissionPlugin,
      permissionModuleMlPolicy,
      permissionsServiceFactory,
      onBehalfOfAuthFactory,
      membershipUserInfoFactory(MEMBERSHIPS),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
}

/** A private project of Olivia's with every collaborator of the matrix. */
export async function makeMatrixProject(
  backend: MlTestBackend,
  name: string,
): Promise<string> {
  const { server } = backend;
  const project = await request(server)
    .post('/api/ml/projects')
    .set(as(owner))
    .send({ workspace: 'ws', name, visibility: 'private' })
    .expect(status(201));
  const id = project.body.id;
  const collaborators: Array<[string, string]> = [
    [ref('vera'), 'viewer'],
    [ref('otto'), 'operator'],
    [ref('cora'), 'contributor'],
    [ref('adam'), 'admin'],
    ['group:default/reviewers', 'viewer'],
  ];
  for (const [subject, role] of collaborators) {
    await request(server)
      .put(
        `/api/ml/projects/${id}/collaborators/${encodeURIComponent(subject)}`,
      )
      .set(as(owner))
      .send({ role })
      .expect(status(200));
  }
  return id;
}
