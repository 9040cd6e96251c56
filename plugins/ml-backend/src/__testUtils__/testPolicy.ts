import {
  BackstageCredentials,
  BackstageUserInfo,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import {
  ML_PROJECT_RESOURCE_TYPE,
  mlRuntimeManagePermission,
  mlWorkspaceManagePermission,
} from '@ml-platform/plugin-ml-common';
import { createMlProjectRoleDecision } from '../access/projectRoleConditions';

/**
 * Who is in which group in a test: user ref → group refs. A user not named
 * here is in no group.
 */
export type TestMemberships = Record<string, string[]>;

function infoOf(
  credentials: BackstageCredentials,
  groups: TestMemberships,
): BackstageUserInfo {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
  };
  const ref = principal.userEntityRef!;
  return {
    userEntityRef: ref,
    ownershipEntityRefs: [ref, ...(groups[ref] ?? [])],
  };
}

/**
 * The portal's default policy as tests need it (packages/backend holds the
 * real one, which the access-matrix test there runs): workspace admins may
 * do everything, others get CML's project roles.
 */
export function testPolicy(admins: string[]): PermissionPolicy {
  return {
    async handle(request, user) {
      const isAdmin = (user?.info.ownershipEntityRefs ?? []).some(ref =>
        admins.includes(ref),
      );
      if (isResourcePermission(request.permission, ML_PROJECT_RESOURCE_TYPE)) {
        if (isAdmin) return { result: AuthorizeResult.ALLOW };
        return createMlProjectRoleDecision(request.permission, user!.info);
      }
      if (
        request.permission.name === mlWorkspaceManagePermission.name ||
        request.permission.name === mlRuntimeManagePermission.name
      ) {
        return {
          result: isAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        };
      }
      return { result: AuthorizeResult.ALLOW };
    },
  };
}

/** A user info service that knows the test's group memberships. */
export function membershipUserInfoFactory(memberships: TestMemberships) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      getUserInfo: async (credentials: BackstageCredentials) =>
        infoOf(credentials, memberships),
    }),
  });
}

/**
 * A permissions service that asks a policy in process, as the permission
 * backend would (service principals are allowed everything, as by
 * ServerPermissionClient), and a user info service that knows the test's
 * group memberships.
 */
export function policyServiceFactories(options: {
  memberships?: TestMemberships;
  admins?: string[];
}) {
  const memberships = options.memberships ?? {};
  const policy = testPolicy(options.admins ?? []);
  const decide = async (
    requests: Array<{ permission: any }>,
    credentials: BackstageCredentials,
  ): Promise<PolicyDecision[]> => {
    if (
      credentials.principal &&
      (credentials.principal as any).type === 'service'
    ) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    }
    if ((credentials.principal as any)?.type !== 'user') {
      return requests.map(() => ({ result: AuthorizeResult.DENY }));
    }
    const info = infoOf(credentials, memberships);
    return Promise.all(
      requests.map(r =>
        policy.handle({ permission: r.permission }, {
          identity: undefined as any,
          info,
          token: '',
        } as any),
      ),
    );
  };
  const permissions: PermissionsService = {
    authorizeConditional: (queries, { credentials }: any) =>
      decide(queries, credentials) as any,
    async authorize(requests, { credentials }: any) {
      const decisions = await decide(requests, credentials);
      return decisions.map(d => {
        if (d.result === AuthorizeResult.CONDITIONAL) {
          throw new Error(
            'The test permissions service decides resource permissions only conditionally',
          );
        }
        return d;
      }) as any;
    },
  };
  return [
    createServiceFactory({
      service: coreServices.permissions,
      deps: {},
      factory: () => permissions,
    }),
    membershipUserInfoFactory(memberships),
  ];
}
