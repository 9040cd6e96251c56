import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { compatWrapper } from '@backstage/core-compat-api';
import BubbleChartIcon from '@material-ui/icons/BubbleChart';
import { MlClient, MlflowClient, mlApiRef, mlflowApiRef } from './api';
import { mlEntityExtensions } from './alpha/entity';
import { mlScaffolderFormFields } from './alpha/scaffolderFields';
import { mlHomeWidgets } from './alpha/homeWidgets';

export { withMlReviewNames } from './alpha/scaffolderReviewNames';
import { scaffolderTemplateRouteRef } from './externalRoutes';
import { mlRouteRefs, rootRouteRef } from './routes';

const mlApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: mlApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlClient({ discoveryApi, fetchApi }),
    }),
});

const mlflowApi = ApiBlueprint.make({
  name: 'mlflow',
  params: defineParams =>
    defineParams({
      api: mlflowApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlflowClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * All ML pages under `/ml`. The pages bring their own Backstage header and
 * tabs, so the app's page header is switched off to avoid showing two.
 */
const mlPage = PageBlueprint.make({
  params: {
    path: '/ml',
    routeRef: rootRouteRef,
    title: 'ML',
    icon: <BubbleChartIcon />,
    noHeader: true,
    loader: () =>
      import('./components/Router').then(m => compatWrapper(<m.Router />)),
  },
});

/**
 * The ML platform plugin for the new frontend system. Its page shows up in
 * the sidebar as "ML".
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'ml',
  title: 'ML',
  icon: <BubbleChartIcon />,
  routes: mlRouteRefs,
  externalRoutes: {
    scaffolderTemplate: scaffolderTemplateRouteRef,
  },
  extensions: [
    mlApi,
    mlflowApi,
    mlPage,
    ...mlEntityExtensions,
    ...mlScaffolderFormFields,
    ...mlHomeWidgets,
  ],
});
