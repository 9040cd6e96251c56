import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/** Workspace entities: usage against capacity and the queue. */
export const workspaceOverviewEntityCard = EntityCardBlueprint.make({
  name: 'workspace-overview',
  params: {
    filter: 'kind:workspace',
    type: 'content',
    loader: () =>
      import('../components/entity').then(m =>
        compatWrapper(<m.WorkspaceOverviewCard />),
      ),
  },
});

/** Project entities: sessions, jobs, models and applications at a glance. */
export const projectOverviewEntityCard = EntityCardBlueprint.make({
  name: 'project-overview',
  params: {
    filter: 'kind:project',
    type: 'content',
    loader: () =>
      import('../components/entity').then(m =>
        compatWrapper(<m.ProjectOverviewCard />),
      ),
  },
});

/** Model entities: deployments and the last hour's traffic. */
export const modelOverviewEntityCard = EntityCardBlueprint.make({
  name: 'model-overview',
  params: {
    filter: 'kind:model',
    type: 'content',
    loader: () =>
      import('../components/entity').then(m =>
        compatWrapper(<m.ModelOverviewCard />),
      ),
  },
});

/** Model entities: the lineage on the catalog graph. */
export const modelLineageEntityCard = EntityCardBlueprint.make({
  name: 'model-lineage',
  params: {
    filter: 'kind:model',
    type: 'content',
    loader: () =>
      import('../components/entity').then(m =>
        compatWrapper(<m.ModelLineageCard />),
      ),
  },
});

/** The ML platform's entity cards, for the plugin's extensions. */
export const mlEntityExtensions = [
  workspaceOverviewEntityCard,
  projectOverviewEntityCard,
  modelOverviewEntityCard,
  modelLineageEntityCard,
];
