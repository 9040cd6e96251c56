import { ReactElement } from 'react';
import { ApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { MlApi, mlApiRef } from '../api';
import { rootRouteRef } from '../routes';
import {
  WithProjectRole,
  WithProjectRoleProps,
} from '../__testUtils__/permissions';
import { createMockMlApi } from './mockMlApi';

/** How `renderWithMlApi` sets up the app around the component. */
export interface RenderWithMlApiOptions
  extends Omit<WithProjectRoleProps, 'children'> {
  /** The ML API the component calls; a fresh mock when left out. */
  api?: Partial<MlApi>;
  /** Further APIs, which win over the ML and permission ones. */
  apis?: ReadonlyArray<readonly [ApiRef<any>, unknown]>;
  /** Where the app starts, e.g. a page's own path. */
  routeEntries?: string[];
}

/**
 * Renders `ui` in a test app as the plugin runs in one: the ML API, the
 * permissions of `WithProjectRole` (everything allowed by default) and the
 * plugin's routes mounted at `/ml`.
 */
export function renderWithMlApi(
  ui: ReactElement,
  options: RenderWithMlApiOptions = {},
) {
  const {
    api = createMockMlApi(),
    apis = [],
    routeEntries,
    ...access
  } = options;
  return renderInTestApp(
    <WithProjectRole {...access}>
      <TestApiProvider apis={[[mlApiRef, api], ...apis] as any}>
        {ui}
      </TestApiProvider>
    </WithProjectRole>,
    { mountedRoutes: { '/ml': rootRouteRef }, routeEntries },
  );
}
