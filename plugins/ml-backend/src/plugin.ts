import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mlPermissions } from '@ml-platform/plugin-ml-common';
import {
  ComputeDriver,
  mlComputeDriverExtensionPoint,
} from '@ml-platform/plugin-ml-node';
import path from 'node:path';
import { readMlConfig } from './config';
import {
  ProfileStore,
  ProjectStore,
  QuotaStore,
  RuntimeStore,
  WorkspaceStore,
  openMlDatabase,
} from './database';
import { RequestAccess } from './router/access';
import { createRouter } from './router/createRouter';
import { DemoSeeder } from './service/DemoSeeder';
import { ProfileService } from './service/ProfileService';
import { ProjectFiles } from './service/ProjectFiles';
import { ProjectService } from './service/ProjectService';
import { QuotaService } from './service/QuotaService';
import { RuntimeService } from './service/RuntimeService';
import { WorkspaceService } from './service/WorkspaceService';

/**
 * The ML platform backend plugin, served at `/api/ml`.
 *
 * @public
 */
export const mlPlugin = createBackendPlugin({
  pluginId: 'ml',
  register(env) {
    const drivers: ComputeDriver[] = [];
    env.registerExtensionPoint(mlComputeDriverExtensionPoint, {
      addDriver(driver) {
        drivers.push(driver);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init(deps) {
        const { config, logger, database, httpRouter } = deps;
        const mlConfig = readMlConfig(config);
        deps.permissionsRegistry.addPermissions(mlPermissions);

        const db = await openMlDatabase(database);
        const workspaceStore = new WorkspaceStore(db);
        const profileStore = new ProfileStore(db);
        const projectStore = new ProjectStore(db);
        const files = new ProjectFiles(path.join(mlConfig.storageRoot, 'projects'));

        const workspaces = new WorkspaceService({
          workspaces: workspaceStore,
          profiles: profileStore,
          projects: projectStore,
          // The local-process driver is built in; modules add others.
          installedDrivers: () => ['local', ...drivers.map(d => d.name)],
          defaultUserQuota: mlConfig.defaultUserQuota,
        });
        const runtimes = new RuntimeService({ runtimes: new RuntimeStore(db), logger });
        const profiles = new ProfileService({ profiles: profileStore, workspaces });
        const quotas = new QuotaService({ quotas: new QuotaStore(db), workspaces });
        const projects = new ProjectService({ projects: projectStore, workspaces, files });

        await runtimes.seed(mlConfig.runtimes);
        if (mlConfig.seedDemo) {
          await new DemoSeeder({ logger, workspaceStore, workspaces, profiles, projects }).seed();
        }

        httpRouter.addAuthPolicy({ path: '/openapi.json', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({ path: '/openapi.yaml', allow: 'unauthenticated' });
        httpRouter.use(
          await createRouter({
            access: new RequestAccess(deps),
            workspaces,
            runtimes,
            profiles,
            quotas,
            projects,
            files,
            maxUploadBytes: mlConfig.maxUploadBytes,
          }),
        );
        logger.info(`ML platform storage at ${mlConfig.storageRoot}`);
      },
    });
  },
});
