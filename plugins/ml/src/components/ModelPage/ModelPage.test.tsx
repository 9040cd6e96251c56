import { discoveryApiRef } from '@backstage/core-plugin-api';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { needsRole } from '../../hooks/useProjectAccess';
import {
  answerWith,
  clickButtonIn,
  createMockMlApi,
  findEnabledButton,
  launchChoices,
  renderWithMlApi,
  TestProjectRole,
} from '../../__testUtils__';
import {
  churnBuild,
  churnDeployment,
  churnModel,
  churnProject,
  failedBuild,
} from '../../testing/fixtures';
import { ModelPage } from './ModelPage';

const readyDeployment = {
  ...churnDeployment,
  replicaStatus: churnDeployment.replicaStatus.map(r => ({
    ...r,
    state: 'running' as const,
    ready: true,
  })),
};
const baseUrl = 'http://localhost:7007/api/ml';
const modelPath = `/ml/projects/${churnProject.id}/models/${churnModel.id}`;

function renderAt(
  path: string,
  api: ReturnType<typeof createMockMlApi>,
  options: {
    failure?: Error;
    deployment?: typeof churnDeployment;
    role?: TestProjectRole;
  } = {},
) {
  const { failure, deployment = churnDeployment, role } = options;
  if (failure) {
    api.getModel.mockRejectedValue(failure);
  } else {
    api.getModel.mockResolvedValue(churnModel);
  }
  answerWith(api, {
    listBuilds: [churnBuild, failedBuild],
    listDeployments: [deployment],
    ...launchChoices(),
    getWorkloadLogs: ['Successfully imported predict'],
  });
  return renderWithMlApi(
    <ModelPage project={churnProject} modelId={churnModel.id} />,
    {
      api,
      apis: [[discoveryApiRef, { getBaseUrl: async () => baseUrl }]],
      projectRole: role,
      path: '/ml/projects/:projectId/models/:modelId/*',
      routeEntries: [path],
      otherRoutes: { '/ml/projects/:projectId/models': <div>models list</div> },
    },
  );
}

describe('ModelPage', () => {
  it('shows the status, the replicas and how to call the model', async () => {
    const api = createMockMlApi();
    await renderAt(modelPath, api);

    expect(
      await screen.findByRole('heading', { name: 'Model churn-predictor' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Deployed · 1/2 ready')).toBeInTheDocument();
    // Each replica's workload state.
    expect(screen.getByText('Running')).toBeInTheDocument();
    expect(screen.getByText('Starting')).toBeInTheDocument();
    // The endpoint and a curl command in CML's format.
    await waitFor(() =>
      expect(document.body).toHaveTextContent(`curl -X POST ${baseUrl}/model`),
    );
    await waitFor(() =>
      expect(document.body).toHaveTextContent(
        '"accessKey":"<access key>","request":{"tenure":3,"plan":"basic"}',
      ),
    );
    expect(api.getModel).toHaveBeenCalledWith(churnProject.id, churnModel.id);
  });

  it('lists builds with why one failed and shows the logs of the latest', async () => {
    const api = createMockMlApi();
    await renderAt(`${modelPath}/builds`, api);

    expect(
      await screen.findByText("ModuleNotFoundError: No module named 'sklearn'"),
    ).toBeInTheDocument();
    expect(await screen.findByText('Logs of build #2')).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getWorkloadLogs).toHaveBeenCalledWith(
        churnBuild.workloadId,
        expect.objectContaining({ attempt: 1 }),
      ),
    );
    // Only a built build can be deployed.
    expect(
      screen.getByRole('button', { name: 'Deploy build 2' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Deploy build 1' }),
    ).not.toBeInTheDocument();
  });

  it('deploys a built build with the chosen replicas and profile', async () => {
    const api = createMockMlApi({
      createDeployment: {
        ...churnDeployment,
        id: 'd2',
        state: 'deploying',
      },
    });
    // Every replica ready: nothing polls and redraws the table mid-click.
    await renderAt(`${modelPath}/builds`, api, {
      deployment: readyDeployment,
    });

    await userEvent.click(await findEnabledButton('Deploy build 2'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Build 2 serves now/)).toBeInTheDocument();
    const replicas = within(dialog).getByRole('textbox', { name: 'Replicas' });
    await userEvent.clear(replicas);
    await userEvent.type(replicas, '3');
    await waitFor(() =>
      expect(
        within(dialog).getByRole('combobox', { name: 'Profile' }),
      ).toHaveValue('small'),
    );
    await clickButtonIn(dialog, 'Deploy');

    await waitFor(() =>
      expect(api.createDeployment).toHaveBeenCalledWith(
        churnProject.id,
        churnModel.id,
        { buildId: churnBuild.id, replicas: 3, profile: 'small', env: {} },
      ),
    );
  });

  it('deletes the model after asking', async () => {
    const api = createMockMlApi();
    api.deleteModel.mockResolvedValue();
    await renderAt(modelPath, api);

    await userEvent.click(await findEnabledButton('Delete'));
    const dialog = await screen.findByRole('dialog');
    await clickButtonIn(dialog, 'Delete');

    expect(await screen.findByText('models list')).toBeInTheDocument();
    expect(api.deleteModel).toHaveBeenCalledWith(
      churnProject.id,
      churnModel.id,
    );
  });

  it('reports a model that cannot be loaded', async () => {
    const api = createMockMlApi();
    await renderAt(modelPath, api, {
      failure: new Error('Model not found'),
    });
    expect(
      await screen.findByRole('heading', { name: 'Error: Model not found' }),
    ).toBeInTheDocument();
  });

  it('lets an operator deploy a build but not build, delete or see keys', async () => {
    const api = createMockMlApi();
    await renderAt(`${modelPath}/builds`, api, { role: 'operator' });

    expect(await findEnabledButton('Deploy build 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New build' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeDisabled();
    expect(screen.getAllByTitle(needsRole('contributor'))).toHaveLength(2);
  });

  it('tells a viewer that access keys need the contributor role, without asking for them', async () => {
    const api = createMockMlApi();
    await renderAt(`${modelPath}/keys`, api, { role: 'viewer' });

    expect(
      await screen.findByText(/Access keys need the contributor role/),
    ).toBeInTheDocument();
    expect(api.listAccessKeys).not.toHaveBeenCalled();
  });
});
