import {
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  mlProjectCreatePermission,
  mlProjectOperatePermission,
  mlProjectReadPermission,
  mlRuntimeManagePermission,
  mlWorkspaceManagePermission,
} from '@ml-platform/plugin-ml-common';
import { MlPermissionPolicy } from './MlPermissionPolicy';

const userOf = (ref: string, groups: string[] = []): PolicyQueryUser =>
  ({
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
    token: 'token',
    credentials: {} as any,
  } as PolicyQueryUser);

describe('MlPermissionPolicy', () => {
  const policy = new MlPermissionPolicy({
    workspaceAdmins: ['group:default/ml-platform-admins'],
  });
  const admin = userOf('user:default/wanda', [
    'group:default/ML-Platform-Admins',
  ]);
  const alice = userOf('user:default/alice', ['group:default/data-science']);

  it('gives workspace admins (matched case-insensitively) the admin permissions and every project', async () => {
    for (const permission of [
      mlWorkspaceManagePermission,
      mlRuntimeManagePermission,
      mlProjectReadPermission,
    ]) {
      expect(await policy.handle({ permission }, admin)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('refuses the admin permissions to everyone else', async () => {
    expect(
      await policy.handle({ permission: mlWorkspaceManagePermission }, alice),
    ).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(
      await policy.handle({ permission: mlRuntimeManagePermission }, alice),
    ).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it("answers project permissions with CML's roles as conditions on the project", async () => {
    const decision = await policy.handle(
      { permission: mlProjectOperatePermission },
      alice,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'ml',
      resourceType: 'ml-project',
      conditions: {
        anyOf: [
          {
            rule: 'IS_PROJECT_OWNER',
            resourceType: 'ml-project',
            params: { claims: ['user:default/alice'] },
          },
          {
            rule: 'HAS_COLLABORATOR_ROLE',
            resourceType: 'ml-project',
            params: {
              claims: ['user:default/alice', 'group:default/data-science'],
              role: 'operator',
            },
          },
          {
            allOf: [
              {
                rule: 'IS_PROJECT_OWNER',
                resourceType: 'ml-project',
                params: { claims: ['group:default/data-science'] },
              },
              {
                rule: 'HAS_TEAM_ROLE',
                resourceType: 'ml-project',
                params: { role: 'operator' },
              },
            ],
          },
        ],
      },
    });
    // Reading adds public projects and team projects of the owner's groups.
    const read = await policy.handle(
      { permission: mlProjectReadPermission },
      alice,
    );
    expect(JSON.stringify(read)).toContain('HAS_PROJECT_VISIBILITY');
    expect(JSON.stringify(read)).toContain('IS_OWNER_GROUP_MEMBER');
    // Without a signed-in user, no project.
    expect(
      await policy.handle({ permission: mlProjectReadPermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets workspace admins read every catalog entity', async () => {
    expect(
      await policy.handle({ permission: catalogEntityReadPermission }, admin),
    ).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('lets everyone else read the catalog entities of the ML projects they read, and all others', async () => {
    expect(
      await policy.handle({ permission: catalogEntityReadPermission }, alice),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ML_PROJECT_READER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/alice', 'group:default/data-science'],
        },
      },
    });
    // Without a signed-in user, only the entities that are not restricted.
    expect(
      await policy.handle({ permission: catalogEntityReadPermission }),
    ).toEqual(
      expect.objectContaining({
        result: AuthorizeResult.CONDITIONAL,
        conditions: expect.objectContaining({ params: { claims: [] } }),
      }),
    );
    // The other catalog permissions are as before.
    expect(
      await policy.handle(
        { permission: catalogEntityRefreshPermission },
        alice,
      ),
    ).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('allows what is not the ML platform, and creating projects, as before', async () => {
    const other = createPermission({
      name: 'catalog.entity.create',
      attributes: { action: 'create' },
    });
    expect(await policy.handle({ permission: other }, alice)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(
      await policy.handle({ permission: mlProjectCreatePermission }, alice),
    ).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });
});
