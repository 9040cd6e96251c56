import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlflowApiRef } from '../../api';
import {
  TestProjectRole,
  createMockMlApi,
  createMockMlflowApi,
  mlflowExperiment,
  mlflowRegisteredModel,
  renderWithMlApi,
} from '../../__testUtils__';
import { churnProject, fileEntry } from '../../testing/fixtures';
import { ProjectPage } from './ProjectPage';

function renderAt(
  path: string,
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
  mlflow = createMockMlflowApi(),
) {
  return renderWithMlApi(<ProjectPage />, {
    path: '/ml/projects/:projectId/*',
    api,
    apis: [[mlflowApiRef, mlflow]],
    projectRole: role,
    routeEntries: [path],
  });
}

describe('ProjectPage', () => {
  it('loads the project from the URL and shows its files on the Files tab', async () => {
    const api = createMockMlApi({
      getProject: churnProject,
      listFiles: [fileEntry('README.md')],
    });
    await renderAt(`/ml/projects/churn-${churnProject.id}`, api);

    expect(
      await screen.findByRole('heading', { name: 'Churn model' }),
    ).toBeInTheDocument();
    expect(api.getProject).toHaveBeenCalledWith(churnProject.id);
    expect(screen.getByText('Predicts who leaves')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Files' }));

    expect(await screen.findByText('README.md')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Settings' })).toBeInTheDocument();
  });

  it('reports a project that cannot be loaded', async () => {
    const api = createMockMlApi();
    api.getProject.mockRejectedValue(new Error('Project not found'));
    await renderAt('/ml/projects/unknown/files', api);

    expect(
      await screen.findByRole('heading', { name: 'Error: Project not found' }),
    ).toBeInTheDocument();
  });

  it("shows the user's role in the header and gates the tabs by it", async () => {
    const api = createMockMlApi({
      getProject: churnProject,
      listFiles: [fileEntry('README.md')],
    });
    await renderAt(
      `/ml/projects/churn-${churnProject.id}/files`,
      api,
      'viewer',
    );

    expect(await screen.findByText('Your role')).toBeInTheDocument();
    expect(screen.getByText('viewer')).toBeInTheDocument();
    expect(
      await screen.findByText(
        /Read-only: changing files needs the contributor role/,
      ),
    ).toBeInTheDocument();
  });

  it("shows the project's experiments on the Experiments tab, after Jobs", async () => {
    const api = createMockMlApi({ getProject: churnProject });
    const mlflow = createMockMlflowApi();
    mlflow.searchExperiments.mockResolvedValue({
      items: [mlflowExperiment()],
    });
    mlflow.searchRuns.mockResolvedValue({ items: [] });
    await renderAt(
      `/ml/projects/churn-${churnProject.id}/experiments`,
      api,
      undefined,
      mlflow,
    );

    expect(await screen.findByText('churn-tuning')).toBeInTheDocument();
    const tabs = screen.getAllByRole('tab').map(t => t.textContent);
    expect(tabs.indexOf('Experiments')).toBe(tabs.indexOf('Jobs') + 1);
    expect(screen.getByRole('tab', { name: 'Experiments' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it("shows the project's registered models on the Model registry tab, after Experiments", async () => {
    const api = createMockMlApi({ getProject: churnProject });
    const mlflow = createMockMlflowApi();
    mlflow.searchRegisteredModels.mockResolvedValue({
      items: [mlflowRegisteredModel()],
    });
    await renderAt(
      `/ml/projects/churn-${churnProject.id}/registry`,
      api,
      undefined,
      mlflow,
    );

    expect(
      await screen.findByRole('link', { name: 'churn-classifier' }),
    ).toBeInTheDocument();
    const tabs = screen.getAllByRole('tab').map(t => t.textContent);
    expect(tabs.indexOf('Model registry')).toBe(
      tabs.indexOf('Experiments') + 1,
    );
    expect(screen.getByRole('tab', { name: 'Model registry' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});
