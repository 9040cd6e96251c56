import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  mlProjectCreatePermission,
  mlRuntimeManagePermission,
  mlWorkspaceManagePermission,
} from '@ml-platform/plugin-ml-common';
import {
  ComputeDriver,
  MlNotifier,
  mlComputeDriverExtensionPoint,
  mlNotifierExtensionPoint,
} from '@ml-platform/plugin-ml-node';
import { readMlConfig } from './config';
import { createMlBackend } from './createMlBackend';
import { openMlDatabase } from './database';
import { createRequestAccess } from './access/createRequestAccess';
import { createChangeEventsMiddleware } from './http/changeEvents';
import { createRouter } from './createRouter';
import { closeSqliteFolders } from './engine/drivers/local/isolation';
import { DemoSeeder } from './demo/DemoSeeder';
import { DemoModelSeeder } from './demo/DemoModelSeeder';
import { BackstageNotificationsNotifier } from './workloads/jobs/notifications';

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
    const notifiers: MlNotifier[] = [];
    env.registerExtensionPoint(mlNotifierExtensionPoint, {
      addNotifier(notifier) {
        notifiers.push(notifier);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
        events: eventsServiceRef,
        lifecycle: coreServices.lifecycle,
      },
      async init(deps) {
        const { config, logger, scheduler, httpRouter } = deps;
        const mlConfig = readMlConfig(config);
        deps.permissionsRegistry.addPermissions([
          mlWorkspaceManagePermission,
          mlRuntimeManagePermission,
          mlProjectCreatePermission,
        ]);

        const db = await openMlDatabase(deps.database);
        const services = createMlBackend({
          db,
          config: mlConfig,
          logger,
          extraDrivers: drivers,
          notifiers: [
            new BackstageNotificationsNotifier(deps.notifications),
            ...notifiers,
          ],
          apiUrl: await deps.discovery.getBaseUrl('ml'),
          signals: deps.signals,
          notifications: deps.notifications,
          sdkPath:
            mlConfig.sdkPath ??
            resolvePackagePath(
              '@ml-platform/plugin-ml-backend',
              '../../sdk/python',
            ),
        });

        // Before any workload runs: workloads under project uids must not
        // read the databases or the backend's other files.
        if (services.isolation.active) {
          await services.isolation.prepareStorage();
          for (const folder of await closeSqliteFolders(config)) {
            logger.info(`Closed the SQLite folder ${folder} to other users`);
          }
        }
        await services.runtimes.seed(mlConfig.runtimes);
        if (mlConfig.seedDemo) {
          await new DemoSeeder({ logger, ...services }).seed();
          await new DemoModelSeeder({ logger, ...services }).seed();
        }

        // Candidate builds a restart interrupted are still deployed or refused.
        services.promotion.resume();

        // Local: each backend observes the driver on its own machine.
        await scheduler.scheduleTask({
          id: 'ml-engine-reconcile',
          frequency: { seconds: mlConfig.engine.reconcileIntervalSeconds },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 1 },
          scope: 'local',
          fn: () => services.reconciler.reconcile(),
        });
        // Each (job, time) is claimed once, so any backend may evaluate cron.
        await scheduler.scheduleTask({
          id: 'ml-job-cron',
          frequency: { seconds: mlConfig.engine.cronIntervalSeconds },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 2 },
          scope: 'local',
          fn: async () => {
            await services.jobs.tick();
          },
        });

        // Local, like ml-job-cron: every backend may evaluate monitors, as
        // inserting a window's evaluation is the claim (one backend wins it
        // and only that one notifies and starts the job). A global task
        // would only add the scheduler's lock on top.
        await scheduler.scheduleTask({
          id: 'ml-model-monitors',
          frequency: { seconds: 30 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 10 },
          scope: 'local',
          fn: async () => {
            await services.monitorEvaluator.evaluate();
          },
        });

        // Local as well: any backend may roll up an hour, whose rows are
        // replaced whole and come out the same whoever computes them.
        await scheduler.scheduleTask({
          id: 'ml-model-rollups',
          frequency: { minutes: 1 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 20 },
          scope: 'local',
          fn: async () => {
            await services.modelRollups.rollUp();
          },
        });

        // Replica health is probed where the driver runs them, like reconcile.
        await scheduler.scheduleTask({
          id: 'ml-model-deployments',
          frequency: { seconds: mlConfig.engine.reconcileIntervalSeconds },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 1 },
          scope: 'local',
          fn: async () => {
            await services.modelBuilds.sweep();
            await services.modelDeploymentReconciler.reconcile();
          },
        });

        // Each backend samples the replicas its own driver runs.
        await scheduler.scheduleTask({
          id: 'ml-replica-usage',
          frequency: { seconds: mlConfig.serving.usageSampleSeconds },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 5 },
          scope: 'local',
          fn: async () => {
            await services.replicaUsageSampler.sample();
          },
        });
        // Local: each backend reads the changes itself. With an events bus
        // shared by several backends a page may hear a change once per
        // backend, which costs it only a re-read.
        const { stateChanges } = services;
        if (stateChanges) {
          await scheduler.scheduleTask({
            id: 'ml-live-state',
            frequency: { seconds: 1 },
            timeout: { seconds: 30 },
            scope: 'local',
            fn: () => stateChanges.tick(),
          });
        }
        // Predictions still buffered are written before the database closes.
        deps.lifecycle.addShutdownHook(async () => {
          services.gateway.close();
          await services.predictionRecorder.stop();
          await services.predictionInputRecorder.stop();
        });

        httpRouter.addAuthPolicy({
          path: '/openapi.json',
          allow: 'unauthenticated',
        });
        // Predictions: the model's access key is the credential (checked by
        // the gateway). Policy paths match as prefixes of whole segments, so
        // these open only the two prediction routes.
        httpRouter.addAuthPolicy({ path: '/model', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({
          path: '/projects/:projectId/models/:modelId/predict',
          allow: 'unauthenticated',
        });
        httpRouter.addAuthPolicy({
          path: '/openapi.yaml',
          allow: 'unauthenticated',
        });
        // Browsers open apps without a token; the proxy checks the user's
        // cookie (or lets an app with bypassAuthentication through) itself.
        httpRouter.addAuthPolicy({ path: '/apps', allow: 'unauthenticated' });
        // MLflow clients call with a workload token or a user token; the
        // tracking router checks either itself.
        httpRouter.addAuthPolicy({ path: '/mlflow', allow: 'unauthenticated' });
        // Workloads call with their own token, checked by the router.
        httpRouter.addAuthPolicy({
          path: '/workload-api',
          allow: 'unauthenticated',
        });
        httpRouter.use(
          await createRouter({
            ...services,
            logger,
            access: createRequestAccess({
              ...deps,
              projects: services.projectStore,
            }),
            changes: createChangeEventsMiddleware({
              events: deps.events,
              logger,
              onChange: change => services.liveState?.wrote(change),
            }),
            maxUploadBytes: mlConfig.maxUploadBytes,
          }),
        );
        logger.info(`ML platform storage at ${mlConfig.storageRoot}`);
      },
    });
  },
});
