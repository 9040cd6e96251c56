import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MlClient, MlflowClient, mlApiRef, mlflowApiRef } from './api';
import { mlRouteRefs, rootRouteRef } from './routes';

/**
 * The ML platform plugin for the legacy frontend system.
 *
 * @public
 */
export const mlPlugin = createPlugin({
  id: 'ml',
  apis: [
    createApiFactory({
      api: mlApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: mlflowApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlflowClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: mlRouteRefs,
});

/**
 * Every ML page: home, workspaces and projects. Mount it at `/ml`.
 *
 * @public
 */
export const MlPage = mlPlugin.provide(
  createRoutableExtension({
    name: 'MlPage',
    component: () => import('./components/Router').then(m => m.Router),
    mountPoint: rootRouteRef,
  }),
);
