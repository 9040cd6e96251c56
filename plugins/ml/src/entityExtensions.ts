import { createComponentExtension } from '@backstage/core-plugin-api';
import { mlPlugin } from './plugin';

/**
 * A Workspace entity's usage against capacity and queue, for an entity page
 * of an app on the legacy frontend system.
 *
 * @public
 */
export const EntityMlWorkspaceCard = mlPlugin.provide(
  createComponentExtension({
    name: 'EntityMlWorkspaceCard',
    component: {
      lazy: () =>
        import('./components/entity').then(m => m.WorkspaceOverviewCard),
    },
  }),
);

/**
 * A Project entity's sessions, jobs, models and applications at a glance.
 *
 * @public
 */
export const EntityMlProjectCard = mlPlugin.provide(
  createComponentExtension({
    name: 'EntityMlProjectCard',
    component: {
      lazy: () =>
        import('./components/entity').then(m => m.ProjectOverviewCard),
    },
  }),
);

/**
 * A Model entity's deployments and last hour's traffic.
 *
 * @public
 */
export const EntityMlModelCard = mlPlugin.provide(
  createComponentExtension({
    name: 'EntityMlModelCard',
    component: {
      lazy: () => import('./components/entity').then(m => m.ModelOverviewCard),
    },
  }),
);

/**
 * A Model entity's lineage on the catalog graph.
 *
 * @public
 */
export const EntityMlModelLineageCard = mlPlugin.provide(
  createComponentExtension({
    name: 'EntityMlModelLineageCard',
    component: {
      lazy: () => import('./components/entity').then(m => m.ModelLineageCard),
    },
  }),
);

export {
  isMlModelAvailable,
  isMlProjectAvailable,
  isMlWorkspaceAvailable,
} from './components/entity/entityIds';
