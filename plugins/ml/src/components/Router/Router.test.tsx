import { screen } from '@testing-library/react';
import { mlflowApiRef } from '../../api';
import {
  createMockMlApi,
  createMockMlflowApi,
  mlflowRegisteredModel,
  mlflowRun,
  mlflowRunId,
  renderWithMlApi,
} from '../../__testUtils__';
import {
  churnProject,
  demoCapacity,
  demoWorkspace,
  page,
} from '../../testing/fixtures';
import { Router } from './Router';

function renderAt(
  path: string,
  api: ReturnType<typeof createMockMlApi>,
  mlflow = createMockMlflowApi(),
) {
  return renderWithMlApi(<Router />, {
    api,
    apis: [[mlflowApiRef, mlflow]],
    path: '/ml/*',
    routeEntries: [path],
  });
}

describe('Router', () => {
  const api = createMockMlApi({
    listWorkspaces: page([demoWorkspace]),
    getWorkspace: demoWorkspace,
    getWorkspaceCapacity: demoCapacity,
    listProjects: page([churnProject]),
    getProject: churnProject,
  });

  it('renders the home page at the root', async () => {
    await renderAt('/ml', api);
    expect(
      await screen.findByRole('heading', { name: 'Machine Learning' }),
    ).toBeInTheDocument();
  });

  it('renders a workspace page', async () => {
    await renderAt('/ml/workspaces/demo', api);
    expect(
      await screen.findByRole('heading', { name: 'Demo workspace' }),
    ).toBeInTheDocument();
  });

  it('renders a project page', async () => {
    await renderAt(`/ml/projects/${churnProject.id}`, api);
    expect(
      await screen.findByRole('heading', { name: 'Churn model' }),
    ).toBeInTheDocument();
  });

  it("renders a registered model's page below its project", async () => {
    const mlflow = createMockMlflowApi();
    mlflow.getRegisteredModel.mockResolvedValue(mlflowRegisteredModel());
    mlflow.searchModelVersions.mockResolvedValue({ items: [] });
    const withModels = createMockMlApi({
      getProject: churnProject,
      listModels: [],
    });
    await renderAt(
      `/ml/projects/${churnProject.id}/registry/churn-classifier`,
      withModels,
      mlflow,
    );
    expect(
      await screen.findByRole('heading', { name: 'churn-classifier' }),
    ).toBeInTheDocument();
    expect(mlflow.getRegisteredModel).toHaveBeenCalledWith('churn-classifier');
  });

  it("renders an experiment run's page below its project", async () => {
    const mlflow = createMockMlflowApi();
    mlflow.getRun.mockResolvedValue(
      mlflowRun({ id: mlflowRunId(1), name: 'baseline' }),
    );
    mlflow.getExperiment.mockReturnValue(new Promise(() => {}));
    mlflow.listArtifacts.mockResolvedValue({ files: [] });
    await renderAt(
      `/ml/projects/${churnProject.id}/experiments/runs/${mlflowRunId(1)}`,
      api,
      mlflow,
    );
    expect(
      await screen.findByRole('heading', { name: 'baseline' }),
    ).toBeInTheDocument();
    expect(mlflow.getRun).toHaveBeenCalledWith(mlflowRunId(1));
  });

  it('renders the comparison of runs below its project', async () => {
    const mlflow = createMockMlflowApi();
    mlflow.getRun.mockImplementation(async id =>
      mlflowRun({ id, params: { lr: id.slice(-1) } }),
    );
    await renderAt(
      `/ml/projects/${churnProject.id}/experiments/compare?runs=${mlflowRunId(
        1,
      )},${mlflowRunId(2)}`,
      api,
      mlflow,
    );
    expect(
      await screen.findByRole('heading', { name: 'Compare runs' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', {
        name: 'Params and metrics of the runs',
      }),
    ).toBeInTheDocument();
    expect(mlflow.getRun).toHaveBeenCalledTimes(2);
  });

  it.each(['/ml/projects', '/ml/workspaces'])(
    'sends %s to the home page, which lists them',
    async path => {
      await renderAt(path, api);
      expect(
        await screen.findByRole('heading', { name: 'Machine Learning' }),
      ).toBeInTheDocument();
    },
  );

  it('says when no ML page is at an address, with a way back', async () => {
    await renderAt('/ml/experiments/nothing', api);
    expect(
      await screen.findByText('There is no ML page at this address'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Back to ML home' }),
    ).toHaveAttribute('href', '/ml');
  });
});
