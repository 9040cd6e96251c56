import { ReactElement, ReactNode } from 'react';
import { ApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Route, Routes } from 'react-router-dom';
import { MlApi, mlApiRef, mlflowApiRef } from '../api';
import { rootRouteRef } from '../routes';
import {
  TestProjectRole,
  WithProjectRole,
  WithProjectRoleProps,
} from './permissions';
import { createMockMlApi } from '../testing/mockMlApi';
import { createEmptyMlflowApi } from './mlflowApi';

/** How `renderWithMlApi` sets up the app around the component. */
export interface RenderWithMlApiOptions
  extends Omit<WithProjectRoleProps, 'children'> {
  /** The ML API the component calls; a fresh mock when left out. */
  api?: Partial<MlApi>;
  /**
   * Further APIs, which win over the ML and permission ones and over the
   * empty MLflow tracking server that is there by default.
   */
  apis?: ReadonlyArray<readonly [ApiRef<any>, object]>;
  /** Where the app starts, e.g. a page's own path. */
  routeEntries?: string[];
  /** The route path to draw `ui` at, for a component that reads its params. */
  path?: string;
  /** Stand-ins at other route paths, for where the component navigates to. */
  otherRoutes?: Record<string, ReactNode>;
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
    path,
    otherRoutes = {},
    ...access
  } = options;
  return renderInTestApp(
    <WithProjectRole {...access}>
      <TestApiProvider<any[]>
        apis={[
          [mlApiRef, api],
          [mlflowApiRef, createEmptyMlflowApi()],
          ...apis,
        ]}
      >
        {path ? (
          <Routes>
            <Route path={path} element={ui} />
            {Object.entries(otherRoutes).map(([otherPath, element]) => (
              <Route key={otherPath} path={otherPath} element={element} />
            ))}
          </Routes>
        ) : (
          ui
        )}
      </TestApiProvider>
    </WithProjectRole>,
    { mountedRoutes: { '/ml': rootRouteRef }, routeEntries },
  );
}

/** `renderWithMlApi` with only the API and the user's role on the projects. */
export function renderAsRole(
  ui: ReactElement,
  api: Partial<MlApi>,
  role?: TestProjectRole,
) {
  return renderWithMlApi(ui, { api, projectRole: role });
}
