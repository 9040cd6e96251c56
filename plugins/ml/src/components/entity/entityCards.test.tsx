import { Entity } from '@backstage/catalog-model';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Workload } from '@ml-platform/plugin-ml-common';
import { screen, waitFor } from '@testing-library/react';
import {
  catalogGraphApiRef,
  catalogGraphRouteRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';
import { ReactNode } from 'react';
import { mlApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { createMockMlApi } from '../../__testUtils__';
import {
  churnDeployment,
  churnMetrics,
  churnModel,
  churnProject,
  demoCapacity,
  page,
} from '../../testing/fixtures';
import { ModelLineageCard } from './ModelLineageCard';
import { ModelOverviewCard } from './ModelOverviewCard';
import { ProjectOverviewCard } from './ProjectOverviewCard';
import { WorkspaceOverviewCard } from './WorkspaceOverviewCard';

const workspaceEntity: Entity = {
  apiVersion: 'ml-platform.io/v1alpha1',
  kind: 'Workspace',
  metadata: {
    name: 'demo',
    annotations: { 'ml-platform.io/workspace': 'demo' },
  },
  spec: { owner: 'group:default/ml-platform' },
};

const projectEntity: Entity = {
  apiVersion: 'ml-platform.io/v1alpha1',
  kind: 'Project',
  metadata: {
    name: 'churn',
    namespace: 'demo',
    annotations: {
      'ml-platform.io/workspace': 'demo',
      'ml-platform.io/project-id': churnProject.id,
    },
  },
  spec: { owner: 'user:default/jane', workspace: 'workspace:default/demo' },
};

const modelEntity: Entity = {
  apiVersion: 'ml-platform.io/v1alpha1',
  kind: 'Model',
  metadata: {
    name: 'churn.churn-predictor',
    namespace: 'demo',
    annotations: {
      'ml-platform.io/workspace': 'demo',
      'ml-platform.io/project-id': churnProject.id,
      'ml-platform.io/model-id': churnModel.id,
    },
  },
  spec: {
    owner: 'user:default/jane',
    project: 'project:demo/churn',
    dependsOn: ['resource:demo/warehouse.events'],
    providesApis: ['api:demo/churn.churn-predictor'],
  },
  relations: [
    { type: 'dependsOn', targetRef: 'resource:demo/warehouse.events' },
    { type: 'providesApi', targetRef: 'api:demo/churn.churn-predictor' },
  ],
};

function workload(
  id: string,
  state: Workload['state'],
  reason?: string,
): Workload {
  return { id, kind: 'job', name: `run ${id}`, state, reason } as Workload;
}

function fetchReturning(status: number, body: unknown) {
  return {
    fetch: jest.fn(
      async () =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/json' },
        }),
    ),
  };
}

async function render(entity: Entity, card: ReactNode, extra: any[] = []) {
  const api = createMockMlApi();
  const setup = { api, fetchApi: fetchReturning(404, {}) };
  return {
    ...setup,
    show: () =>
      renderInTestApp(
        <TestApiProvider
          apis={[
            [mlApiRef, api],
            [
              discoveryApiRef,
              { getBaseUrl: async () => 'http://ml.test/api/ml' },
            ],
            [fetchApiRef, setup.fetchApi],
            ...extra,
          ]}
        >
          <EntityProvider entity={entity}>{card}</EntityProvider>
        </TestApiProvider>,
        {
          mountedRoutes: {
            '/ml': rootRouteRef,
            '/catalog/:namespace/:kind/:name': entityRouteRef,
            '/catalog-graph': catalogGraphRouteRef,
          },
        },
      ),
  };
}

describe('ML entity cards', () => {
  it('shows a workspace usage against capacity and its queue', async () => {
    const { api, show } = await render(
      workspaceEntity,
      <WorkspaceOverviewCard />,
    );
    api.getWorkspaceCapacity.mockResolvedValue(demoCapacity);
    api.getWorkspaceQueue.mockResolvedValue({
      queued: [workload('w2', 'queued', 'team ml uses 6/8 vCPU; needs 4')],
      running: [workload('w1', 'running')],
    } as any);
    await show();
    expect(await screen.findByText('1 running, 1 queued')).toBeInTheDocument();
    expect(
      screen.getByText('run w2: team ml uses 6/8 vCPU; needs 4'),
    ).toBeInTheDocument();
    expect(screen.getByText('1.5 vCPU / 4 vCPU (12 vCPU)')).toBeInTheDocument();
    expect(api.getWorkspaceCapacity).toHaveBeenCalledWith('demo');
    expect(screen.getByRole('link', { name: 'See the queue' })).toHaveAttribute(
      'href',
      '/ml/workspaces/demo',
    );
  });

  it('shows a project at a glance with links into its ML pages', async () => {
    const { api, show, fetchApi } = await render(
      projectEntity,
      <ProjectOverviewCard />,
    );
    api.listSessions.mockResolvedValue(
      page([workload('s1', 'running'), workload('s2', 'succeeded')]),
    );
    api.listJobs.mockResolvedValue([
      { id: 'j1', schedule: '0 * * * *' } as any,
      { id: 'j2' } as any,
    ]);
    api.listModels.mockResolvedValue([churnModel]);
    fetchApi.fetch.mockResolvedValue(
      new Response(
        JSON.stringify({ items: [{ id: 'a1', state: 'running' }] }),
        { status: 200 },
      ),
    );
    await show();
    expect(await screen.findByText('1 running or waiting')).toBeInTheDocument();
    expect(screen.getByText('1 scheduled')).toBeInTheDocument();
    expect(screen.getByText('1 deployed')).toBeInTheDocument();
    expect(screen.getByText('1 running')).toBeInTheDocument();
    const base = `/ml/projects/${churnProject.id}`;
    for (const [name, tab] of [
      ['Sessions', 'sessions'],
      ['Jobs', 'jobs'],
      ['Models', 'models'],
      ['Applications', 'applications'],
    ]) {
      expect(screen.getByRole('link', { name })).toHaveAttribute(
        'href',
        `${base}/${tab}`,
      );
    }
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `http://ml.test/api/ml/projects/${churnProject.id}/applications`,
    );
  });

  it('leaves applications out when the ML backend has none', async () => {
    const { api, show } = await render(projectEntity, <ProjectOverviewCard />);
    api.listSessions.mockResolvedValue(page([]));
    api.listJobs.mockResolvedValue([]);
    api.listModels.mockResolvedValue([]);
    await show();
    expect(
      await screen.findByRole('link', { name: 'Models' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Applications' }),
    ).not.toBeInTheDocument();
  });

  it("shows a model's deployments and last hour's traffic", async () => {
    const { api, show } = await render(modelEntity, <ModelOverviewCard />);
    api.getModel.mockResolvedValue(churnModel);
    api.listDeployments.mockResolvedValue([churnDeployment]);
    api.getModelMetrics.mockResolvedValue(churnMetrics);
    await show();
    expect(await screen.findByText('180')).toBeInTheDocument();
    expect(screen.getByText('6')).toBeInTheDocument();
    expect(screen.getByText('11 ms')).toBeInTheDocument();
    expect(screen.getByText('#2')).toBeInTheDocument();
    expect(screen.getByText('Deployed')).toBeInTheDocument();
    expect(screen.getByText('Yes')).toBeInTheDocument();
    expect(api.getModelMetrics).toHaveBeenCalledWith(
      churnProject.id,
      churnModel.id,
    );
  });

  it('asks for the annotation an entity lacks', async () => {
    const { show } = await render(
      { ...modelEntity, metadata: { name: 'x' } },
      <ModelOverviewCard />,
    );
    await show();
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(document.body.textContent).toContain('ml-platform.io/model-id');
  });

  it("draws a model's lineage from the catalog", async () => {
    const catalogApi = catalogApiMock({
      entities: [
        modelEntity,
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name: 'warehouse.events', namespace: 'demo' },
          spec: { type: 'dataset', owner: 'group:default/guests' },
          relations: [
            {
              type: 'dependencyOf',
              targetRef: 'model:demo/churn.churn-predictor',
            },
          ],
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'API',
          metadata: { name: 'churn.churn-predictor', namespace: 'demo' },
          spec: {
            type: 'openapi',
            lifecycle: 'production',
            owner: 'user:default/jane',
            definition: '{}',
          },
          relations: [
            {
              type: 'apiProvidedBy',
              targetRef: 'model:demo/churn.churn-predictor',
            },
          ],
        },
      ],
    });
    const byRefs = jest.spyOn(catalogApi, 'getEntitiesByRefs');
    const { show } = await render(modelEntity, <ModelLineageCard />, [
      [catalogApiRef, catalogApi],
      [catalogGraphApiRef, new DefaultCatalogGraphApi()],
    ]);
    await show();
    expect(await screen.findByText('Lineage')).toBeInTheDocument();
    // The graph walks the model's lineage relations through the catalog
    // (jsdom cannot lay out its SVG, so the nodes are checked through that).
    await waitFor(() =>
      expect(byRefs.mock.calls.flatMap(([r]) => r.entityRefs)).toEqual(
        expect.arrayContaining([
          'model:demo/churn.churn-predictor',
          'resource:demo/warehouse.events',
          'api:demo/churn.churn-predictor',
        ]),
      ),
    );
    const fullGraph = screen.getByRole('link', { name: /view graph/i });
    const query = new URL(fullGraph.getAttribute('href')!, 'http://x')
      .searchParams;
    expect(query.getAll('selectedRelations[]')).toEqual(
      expect.arrayContaining(['dependsOn', 'providesApi', 'apiConsumedBy']),
    );
    expect(query.get('direction')).toBe('LR');
  });
});
