import {
  AuthService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/**
 * The mock auth service, except that a plugin's token on behalf of a user
 * names the plugin as the actor, as real Backstage tokens do. The
 * permission backend refuses resource permissions without a resource ref to
 * users calling it directly, and tells the two apart by that actor (the
 * plain mock drops it).
 */
export const onBehalfOfAuthFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const base = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: base.authenticate.bind(base),
      getNoneCredentials: base.getNoneCredentials.bind(base),
      getOwnServiceCredentials: base.getOwnServiceCredentials.bind(base),
      isPrincipal: base.isPrincipal.bind(base) as AuthService['isPrincipal'],
      getLimitedUserToken: base.getLimitedUserToken.bind(base),
      listPublicServiceKeys: base.listPublicServiceKeys.bind(base),
      async getPluginRequestToken(options) {
        const { onBehalfOf } = options;
        if (base.isPrincipal(onBehalfOf, 'user')) {
          return {
            token: mockCredentials.user.token(
              onBehalfOf.principal.userEntityRef,
              {
                actor: { subject: `plugin:${plugin.getId()}` },
              },
            ),
          };
        }
        return base.getPluginRequestToken(options);
      },
    };
  },
});
