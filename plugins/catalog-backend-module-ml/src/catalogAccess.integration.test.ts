import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import Router from 'express-promise-router';
import request from 'supertest';
import { FakeMlBackend } from './__testUtils__/FakeMlBackend';
import {
  accessProjects,
  seedAccessProjects,
} from './__testUtils__/accessProjects';
import { model } from './__testUtils__/fixtures';
import { membershipUserInfoFactory } from './__testUtils__/membershipUserInfo';
import { onBehalfOfAuthFactory } from './__testUtils__/onBehalfOfAuth';
import { readerPolicyModule } from './__testUtils__/readerPolicy';
import { catalogModuleMl } from './module';
import { providerConfig } from './__testUtils__/providerConfig';
import { waitFor } from './__testUtils__/waitFor';

jest.setTimeout(120_000);
// SQLite always; Postgres 15 when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
// names one (scripts/postgres.sh run): there is no Docker to start one.
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const user = (name: string) => `user:default/${name}`;
const DATA_SCIENCE = 'group:default/data-science';
const REVIEWERS = 'group:default/reviewers';
/** Who is in which group, for the claims and for the catalog's users. */
const MEMBERSHIPS: Record<string, string[]> = {
  [user('olivia')]: [DATA_SCIENCE],
  [user('tim')]: [DATA_SCIENCE],
  [user('rita')]: [REVIEWERS],
  [user('wanda')]: ['group:default/ml-platform-admins'],
};

const { secret, shared, open } = accessProjects;

const SECRET_REFS = [
  'api:demo/secret.classifier',
  'component:demo/secret-dash',
  'model:demo/secret.classifier',
  'project:demo/secret',
  'system:demo/secret',
];
const SHARED_REFS = ['project:demo/shared', 'system:demo/shared'];
const OPEN_REFS = [
  'api:demo/open.prophet',
  'model:demo/open.prophet',
  'project:demo/open',
  'system:demo/open',
  // Datasets may be shared by projects: never restricted.
  'resource:demo/warehouse.customer_events',
];

/** The catalog's users, with the memberships above. */
const users: Entity[] = ['olivia', 'vera', 'tim', 'rita', 'nina', 'wanda'].map(
  name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': 'test:users',
        'backstage.io/managed-by-origin-location': 'test:users',
      },
    },
    spec: {
      memberOf: (MEMBERSHIPS[user(name)] ?? []).map(g => g.split('/')[1]),
    },
  }),
);

/** Puts the users in the catalog. */
const usersModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-users',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'test-users',
          connect: connection =>
            connection.applyMutation({
              type: 'full',
              entities: users.map(entity => ({
                entity,
                locationKey: 'test-users',
              })),
            }),
        });
      },
    });
  },
});

/**
 * The catalog with this module, the permission backend and a policy that
 * uses IS_ML_PROJECT_READER, on SQLite and Postgres: what each user gets
 * from the catalog's REST API (its queries use the rule's `toQuery`), and
 * what another plugin's permission check on one entity says (the permission
 * backend asks the catalog to `apply` the rule, as the search backend does).
 */
describe.each(databases.eachSupportedId())(
  'the catalog keeps private ML projects to their readers (%s)',
  databaseId => {
    const ml = new FakeMlBackend();
    const mlStandIn = ml.asMlPlugin();
    let backend: Awaited<ReturnType<typeof startTestBackend>>;

    beforeAll(async () => {
      seedAccessProjects(ml);
      ml.collaborators.set(secret.id, [
        { subject: user('vera'), role: 'viewer', addedAt: '' },
        { subject: REVIEWERS, role: 'viewer', addedAt: '' },
      ]);
      ml.models.set(open.id, [model('m2', open.id, 'prophet')]);

      // A plugin that checks one entity with the permissions service, as
      // the search backend does.
      const checker = createBackendPlugin({
        pluginId: 'checker',
        register(reg) {
          reg.registerInit({
            deps: {
              http: coreServices.httpRouter,
              httpAuth: coreServices.httpAuth,
              permissions: coreServices.permissions,
            },
            async init({ http, httpAuth, permissions }) {
              const router = Router();
              router.get('/can-read', async (req, res) => {
                const credentials = await httpAuth.credentials(req, {
                  allow: ['user'],
                });
                const [decision] = await permissions.authorize(
                  [
                    {
                      permission: catalogEntityReadPermission,
                      resourceRef: String(req.query.ref),
                    },
                  ],
                  { credentials },
                );
                res.json(decision);
              });
              http.use(router);
            },
          });
        },
      });

      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleMl,
          usersModule,
          permissionPlugin,
          readerPolicyModule(['group:default/ml-platform-admins']),
          mlStandIn.plugin,
          checker,
          permissionsServiceFactory,
          onBehalfOfAuthFactory,
          membershipUserInfoFactory(MEMBERSHIPS),
          eventsServiceFactory,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
              events: { useEventBus: 'never' },
              ...providerConfig(),
            },
          }),
        ],
      });

      // Until the owner's groups are in the catalog, the team project has
      // its owner alone as reader (the provider's first read may come
      // first); its next change event reads them.
      const as = asUser('wanda');
      await waitFor(
        async () => {
          const olivia = await as.entity(user('olivia'));
          return olivia?.relations?.some(r => r.type === 'memberOf')
            ? true
            : undefined;
        },
        "olivia's groups in the catalog",
        45,
      );
      await mlStandIn.events().publish({
        topic: 'ml.changes',
        eventPayload: { method: 'PATCH', path: `/projects/${shared.id}` },
      });
      await waitFor(
        async () => {
          const entity = await as.entity('project:demo/shared');
          return (entity?.metadata.mlReaders as string[] | undefined)?.includes(
            DATA_SCIENCE,
          )
            ? true
            : undefined;
        },
        "the team project readable by its owner's group",
        45,
      );
      await waitFor(
        async () => {
          const refs = await as.mlRefs();
          return [...SECRET_REFS, ...SHARED_REFS, ...OPEN_REFS].every(r =>
            refs.includes(r),
          )
            ? true
            : undefined;
        },
        'every ML entity in the catalog',
        45,
      );
    });

    afterAll(async () => {
      await backend?.stop();
    });

    function asUser(name: string) {
      const auth = { Authorization: mockCredentials.user.header(user(name)) };
      return {
        /** The refs of the ML workspace's entities this user gets. */
        async mlRefs(): Promise<string[]> {
          const res = await request(backend.server)
            .get('/api/catalog/entities/by-query')
            .query({ filter: 'metadata.namespace=demo', limit: 100 })
            .set(auth)
            .expect(200);
          expect(res.body.totalItems).toBe(res.body.items.length);
          return res.body.items
            .map((e: Entity) => stringifyEntityRef(e))
            .sort();
        },
        async entity(ref: string): Promise<Entity | undefined> {
          const [kind, rest] = ref.split(':');
          const res = await request(backend.server)
            .get(`/api/catalog/entities/by-name/${kind}/${rest}`)
            .set(auth);
          return res.status === 200 ? res.body : undefined;
        },
        async byRefs(refs: string[]): Promise<Array<Entity | null>> {
          const res = await request(backend.server)
            .post('/api/catalog/entities/by-refs')
            .send({ entityRefs: refs })
            .set(auth)
            .expect(200);
          return res.body.items;
        },
        /** Another plugin's check of this user reading one entity. */
        async canRead(ref: string): Promise<string> {
          const res = await request(backend.server)
            .get('/api/checker/can-read')
            .query({ ref })
            .set(auth)
            .expect(200);
          return res.body.result;
        },
      };
    }

    const sorted = (...lists: string[][]) => lists.flat().sort();

    it('shows each user only the projects they read, with their models, APIs and applications', async () => {
      // The owner, and a workspace admin.
      expect(await asUser('olivia').mlRefs()).toEqual(
        sorted(SECRET_REFS, SHARED_REFS, OPEN_REFS),
      );
      expect(await asUser('wanda').mlRefs()).toEqual(
        sorted(SECRET_REFS, SHARED_REFS, OPEN_REFS),
      );
      // A collaborator, and a member of a collaborating group.
      expect(await asUser('vera').mlRefs()).toEqual(
        sorted(SECRET_REFS, OPEN_REFS),
      );
      expect(await asUser('rita').mlRefs()).toEqual(
        sorted(SECRET_REFS, OPEN_REFS),
      );
      // A member of the owner's group reads the team project only.
      expect(await asUser('tim').mlRefs()).toEqual(
        sorted(SHARED_REFS, OPEN_REFS),
      );
      // Anyone else: the public project.
      expect(await asUser('nina').mlRefs()).toEqual(sorted(OPEN_REFS));
    });

    it('answers for hidden entities as for missing ones', async () => {
      const nina = asUser('nina');
      expect(await nina.entity('project:demo/secret')).toBeUndefined();
      expect(await nina.entity('model:demo/secret.classifier')).toBeUndefined();
      expect(await nina.entity('api:demo/secret.classifier')).toBeUndefined();
      expect(await asUser('vera').entity('project:demo/secret')).toBeDefined();
      expect(
        (await nina.byRefs(['project:demo/secret', 'project:demo/open'])).map(
          e => e && stringifyEntityRef(e),
        ),
      ).toEqual([null, 'project:demo/open']);
      // Entities nina sees still name the hidden ones in their relations.
      const workspace = await nina.entity('workspace:default/demo');
      expect(workspace?.relations).toEqual(
        expect.arrayContaining([
          { type: 'hasPart', targetRef: 'project:demo/secret' },
        ]),
      );
    });

    it("decides another plugin's check of one entity the same way", async () => {
      expect(await asUser('nina').canRead('model:demo/secret.classifier')).toBe(
        'DENY',
      );
      expect(await asUser('rita').canRead('model:demo/secret.classifier')).toBe(
        'ALLOW',
      );
      expect(await asUser('tim').canRead('project:demo/shared')).toBe('ALLOW');
      expect(await asUser('nina').canRead('project:demo/shared')).toBe('DENY');
      expect(await asUser('nina').canRead('api:demo/open.prophet')).toBe(
        'ALLOW',
      );
      expect(await asUser('nina').canRead(user('olivia'))).toBe('ALLOW');
    });
  },
);
