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
  responseError,
  TestProjectRole,
  typeIntoTextboxes,
} from '../../__testUtils__';
import {
  churnBuild,
  churnDeployment,
  churnModel,
  churnProject,
  failedBuild,
  fileEntry,
  pythonRuntime,
} from '../../testing/fixtures';
import { ModelsList } from './ModelsList';

function renderList(
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
) {
  answerWith(api, {
    ...launchChoices(),
    listFiles: [fileEntry('README.md'), fileEntry('predict.py')],
  });
  return renderWithMlApi(<ModelsList project={churnProject} />, {
    path: '/ml/projects/:projectId/models',
    api,
    projectRole: role,
    routeEntries: [`/ml/projects/${churnProject.id}/models`],
    otherRoutes: {
      '/ml/projects/:projectId/models/:modelId': <div>model page</div>,
    },
  });
}

async function openNewModelDialog() {
  await userEvent.click(await findEnabledButton('New model'));
  return screen.findByRole('dialog');
}

/** Opens the new model dialog, fills it in for churn-predictor and submits. */
async function createChurnPredictor() {
  const dialog = await openNewModelDialog();
  await typeIntoTextboxes(dialog, {
    Name: 'churn-predictor',
    File: 'predict.py',
    Function: 'predict',
  });
  await waitFor(() =>
    expect(
      within(dialog).getByRole('combobox', { name: 'Runtime' }),
    ).toHaveValue(pythonRuntime.id),
  );
  await clickButtonIn(dialog, 'Create');
  return dialog;
}

describe('ModelsList', () => {
  it('lists models with their deployment, ready replicas and latest build', async () => {
    const api = createMockMlApi({
      listModels: [churnModel],
      listDeployments: [churnDeployment],
      listBuilds: [churnBuild, failedBuild],
    });
    await renderList(api);

    const row = (await screen.findByText('churn-predictor')).closest('tr')!;
    expect(within(row).getByText('Deployed')).toBeInTheDocument();
    expect(within(row).getByText('1/2')).toBeInTheDocument();
    expect(within(row).getByText('#2')).toBeInTheDocument();
    expect(within(row).getByText('Built')).toBeInTheDocument();
  });

  it('creates a model with its first build and opens it', async () => {
    const api = createMockMlApi({
      listModels: [],
      createModel: churnModel,
      createBuild: churnBuild,
    });
    await renderList(api);

    await createChurnPredictor();

    expect(await screen.findByText('model page')).toBeInTheDocument();
    expect(api.createModel).toHaveBeenCalledWith(churnProject.id, {
      name: 'churn-predictor',
      description: '',
      disableAuthentication: false,
    });
    expect(api.createBuild).toHaveBeenCalledWith(
      churnProject.id,
      churnModel.id,
      {
        filePath: 'predict.py',
        functionName: 'predict',
        runtimeId: pythonRuntime.id,
        comment: '',
        examples: [],
        env: {},
      },
    );
  });

  it('keeps the created model when its build is refused, and only builds on the next try', async () => {
    const api = createMockMlApi({ listModels: [], createModel: churnModel });
    api.createBuild
      .mockRejectedValueOnce(
        await responseError(
          400,
          "filePath: no file 'predict.py' in the project",
        ),
      )
      .mockResolvedValueOnce(churnBuild);
    await renderList(api);

    const dialog = await createChurnPredictor();

    expect(
      await within(dialog).findByText("no file 'predict.py' in the project"),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Model churn-predictor was created',
    );
    await clickButtonIn(dialog, 'Build');

    expect(await screen.findByText('model page')).toBeInTheDocument();
    expect(api.createModel).toHaveBeenCalledTimes(1);
    expect(api.createBuild).toHaveBeenCalledTimes(2);
  });

  it('names what is wrong before sending anything', async () => {
    const api = createMockMlApi({ listModels: [] });
    await renderList(api);

    const dialog = await openNewModelDialog();
    await typeIntoTextboxes(dialog, { Name: 'Churn Model' });
    await clickButtonIn(dialog, 'Create');

    expect(within(dialog).getByText('Choose the file')).toBeInTheDocument();
    expect(
      within(dialog).getByText('A Python function name'),
    ).toBeInTheDocument();
    expect(api.createModel).not.toHaveBeenCalled();
  });

  it('offers a new model to contributors only', async () => {
    const api = createMockMlApi({ listModels: [] });
    await renderList(api, 'operator');

    expect(
      await screen.findByTitle(needsRole('contributor')),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New model' })).toBeDisabled();
  });
});
