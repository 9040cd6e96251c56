import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DefaultMlService } from './DefaultMlService';
import { MlService } from './MlService';

/**
 * The ML backend's API for other backend plugins and modules (the scaffolder
 * actions, the catalog provider), as `catalogServiceRef` is the catalog's.
 *
 * @public
 */
export const mlServiceRef = createServiceRef<MlService>({
  id: 'ml-client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      factory: ({ discovery, auth }) =>
        new DefaultMlService({ discovery, auth }),
    }),
});
