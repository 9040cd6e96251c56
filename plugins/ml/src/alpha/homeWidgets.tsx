import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { compatWrapper } from '@backstage/core-compat-api';

const cards = () => import('../components/home');

/** "Your ML": recent projects with their sessions, jobs and models. */
const yourMlWidget = HomePageWidgetBlueprint.make({
  name: 'your-ml',
  params: {
    name: 'MlYourMl',
    title: 'Your ML',
    description:
      'Your recent ML projects, their active sessions, running jobs and deployed models',
    components: () =>
      cards().then(m => ({ Content: () => compatWrapper(<m.YourMlCard />) })),
  },
});

const workspaceCapacityWidget = HomePageWidgetBlueprint.make({
  name: 'workspace-capacity',
  params: {
    name: 'MlWorkspaceCapacity',
    title: 'Workspace capacity',
    description: 'What the ML workspaces use of their compute',
    components: () =>
      cards().then(m => ({
        Content: () => compatWrapper(<m.WorkspaceCapacityCard />),
      })),
  },
});

const startFromTemplateWidget = HomePageWidgetBlueprint.make({
  name: 'start-from-template',
  params: {
    name: 'MlStartFromTemplate',
    title: 'Start from a template',
    description: 'The ML project templates',
    components: () =>
      cards().then(m => ({
        Content: () => compatWrapper(<m.StartFromTemplateCard />),
      })),
  },
});

const recentActivityWidget = HomePageWidgetBlueprint.make({
  name: 'recent-activity',
  params: {
    name: 'MlRecentActivity',
    title: 'Recent activity',
    description: 'The latest sessions and job runs of your recent projects',
    components: () =>
      cards().then(m => ({
        Content: () => compatWrapper(<m.RecentActivityCard />),
      })),
  },
});

/** The ML cards of the portal's home page. */
export const mlHomeWidgets = [
  yourMlWidget,
  workspaceCapacityWidget,
  startFromTemplateWidget,
  recentActivityWidget,
];
