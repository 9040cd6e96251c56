import { ComponentType } from 'react';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { compatWrapper } from '@backstage/core-compat-api';

type HomeCards = typeof import('../components/home');

/** A card of the home page, loaded when first shown. */
function homeWidget(
  name: string,
  params: { name: string; title: string; description: string },
  card: (cards: HomeCards) => ComponentType,
) {
  return HomePageWidgetBlueprint.make({
    name,
    params: {
      ...params,
      components: () =>
        import('../components/home').then(m => {
          const Card = card(m);
          return { Content: () => compatWrapper(<Card />) };
        }),
    },
  });
}

/** "Your ML": recent projects with their sessions, jobs and models. */
const yourMlWidget = homeWidget(
  'your-ml',
  {
    name: 'MlYourMl',
    title: 'Your ML',
    description:
      'Your recent ML projects, their active sessions, running jobs and deployed models',
  },
  m => m.YourMlCard,
);

const workspaceCapacityWidget = homeWidget(
  'workspace-capacity',
  {
    name: 'MlWorkspaceCapacity',
    title: 'Workspace capacity',
    description: 'What the ML workspaces use of their compute',
  },
  m => m.WorkspaceCapacityCard,
);

const startFromTemplateWidget = homeWidget(
  'start-from-template',
  {
    name: 'MlStartFromTemplate',
    title: 'Start from a template',
    description: 'The ML project templates',
  },
  m => m.StartFromTemplateCard,
);

const recentActivityWidget = homeWidget(
  'recent-activity',
  {
    name: 'MlRecentActivity',
    title: 'Recent activity',
    description: 'The latest sessions and job runs of your recent projects',
  },
  m => m.RecentActivityCard,
);

/** The ML cards of the portal's home page. */
export const mlHomeWidgets = [
  yourMlWidget,
  workspaceCapacityWidget,
  startFromTemplateWidget,
  recentActivityWidget,
];
