import { ComponentType } from 'react';
import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

type EntityCards = typeof import('../components/entity');

/** A content card for entities of one kind, loaded when first shown. */
function entityCard(
  name: string,
  kind: string,
  card: (cards: EntityCards) => ComponentType,
) {
  return EntityCardBlueprint.make({
    name,
    params: {
      filter: `kind:${kind}`,
      type: 'content',
      loader: () =>
        import('../components/entity').then(m => {
          const Card = card(m);
          return compatWrapper(<Card />);
        }),
    },
  });
}

/** Workspace entities: usage against capacity and the queue. */
export const workspaceOverviewEntityCard = entityCard(
  'workspace-overview',
  'workspace',
  m => m.WorkspaceOverviewCard,
);

/** Project entities: sessions, jobs, models and applications at a glance. */
export const projectOverviewEntityCard = entityCard(
  'project-overview',
  'project',
  m => m.ProjectOverviewCard,
);

/** Model entities: deployments and the last hour's traffic. */
export const modelOverviewEntityCard = entityCard(
  'model-overview',
  'model',
  m => m.ModelOverviewCard,
);

/** Model entities: the lineage on the catalog graph. */
export const modelLineageEntityCard = entityCard(
  'model-lineage',
  'model',
  m => m.ModelLineageCard,
);

/** The ML platform's entity cards, for the plugin's extensions. */
export const mlEntityExtensions = [
  workspaceOverviewEntityCard,
  projectOverviewEntityCard,
  modelOverviewEntityCard,
  modelLineageEntityCard,
];
