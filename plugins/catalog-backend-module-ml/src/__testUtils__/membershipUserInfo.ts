import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';

/**
 * A user info service that knows a test's group memberships (user ref →
 * group refs), so that a user's ownership refs, the claims a policy gets,
 * include their groups. A user not named is in no group.
 */
export function membershipUserInfoFactory(
  memberships: Record<string, string[]>,
) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: BackstageCredentials) {
        const { userEntityRef } = credentials.principal as {
          userEntityRef: string;
        };
        return {
          userEntityRef,
          ownershipEntityRefs: [
            userEntityRef,
            ...(memberships[userEntityRef] ?? []),
          ],
        };
      },
    }),
  });
}
