import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// Multi-user setups behind oauth2-proxy (see app-config.multi-user.yaml).
backend.add(
  import('@backstage/plugin-auth-backend-module-oauth2-proxy-provider'),
);

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

backend.add(import('@backstage/plugin-permission-backend'));
// CML's roles for ML projects; everything else is allowed.
backend.add(import('./modules/mlPermissionPolicy'));

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// Starts without any cluster: the kubernetes config key is only set when a
// cluster is configured (see app-config.production.yaml).
backend.add(import('@backstage/plugin-kubernetes-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@ml-platform/plugin-ml-backend'));
// Adds the Kubernetes driver only when ml.kubernetes is configured.
backend.add(import('@ml-platform/plugin-ml-backend-module-kubernetes'));
backend.add(import('@ml-platform/plugin-catalog-backend-module-ml'));
backend.add(import('@ml-platform/plugin-scaffolder-backend-module-ml'));

backend.start();
