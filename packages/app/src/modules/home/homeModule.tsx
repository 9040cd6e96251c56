import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const gettingStarted = `
1. **Start from a template**: the training template makes a project with a
   nightly training job, an evaluation after it and a model, and ends on a
   live endpoint.
2. **Work in a session**: open the project in [ML](/ml), start a session
   and run code in its console.
3. **Run jobs and pipelines**: a job runs a script on a schedule, or after
   another job.
4. **Serve a model**: build it from \`model.py\`, deploy it, and try it from
   its Test tab; its Monitoring tab charts every prediction.

Everything is also in the [catalog](/catalog): workspaces, projects and
models, owned by teams.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting started with ML',
    description: 'From a template to a deployed model, step by step',
    components: async () => ({
      Content: () => <MarkdownContent content={gettingStarted} />,
    }),
  },
});

/**
 * The home page in view mode: the widgets in a fixed grid, ML first,
 * rather than the customizable grid that opens in edit mode when a user
 * has no layout of their own.
 */
const homeLayout = HomePageLayoutBlueprint.make({
  name: 'ml-portal',
  params: {
    loader: () => import('./HomeLayout').then(m => m.HomeLayout),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget, homeLayout],
});
