import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlflowApiRef } from '../../api';
import {
  answerWith,
  clickButtonIn,
  createMockMlApi,
  createMockMlflowApi,
  launchChoices,
  mlflowModelVersion,
  mlflowRegisteredModel,
  renderWithMlApi,
} from '../../__testUtils__';
import {
  churnBuild,
  churnModel,
  churnProject,
  pythonRuntime,
} from '../../testing/fixtures';
import { NewBuildDialog } from './NewBuildDialog';

function setup() {
  const api = answerWith(createMockMlApi(), {
    ...launchChoices(),
    createBuild: churnBuild,
  });
  const mlflow = createMockMlflowApi();
  mlflow.searchRegisteredModels.mockResolvedValue({
    items: [
      mlflowRegisteredModel(),
      mlflowRegisteredModel({ name: 'fraud-detector' }),
    ],
  });
  mlflow.searchModelVersions.mockImplementation(async options => ({
    items: options?.filter?.includes('fraud-detector')
      ? [mlflowModelVersion({ name: 'fraud-detector', version: '4' })]
      : [
          mlflowModelVersion({ version: '2' }),
          mlflowModelVersion({ version: '1' }),
        ],
  }));
  return { api, mlflow };
}

async function renderDialog(
  setupResult: ReturnType<typeof setup>,
  registeredModel?: { name: string; version: string },
) {
  const onCreated = jest.fn();
  await renderWithMlApi(
    <NewBuildDialog
      open
      project={churnProject}
      model={churnModel}
      registeredModel={registeredModel}
      onClose={jest.fn()}
      onCreated={onCreated}
    />,
    {
      api: setupResult.api,
      apis: [[mlflowApiRef, setupResult.mlflow]],
    },
  );
  return { onCreated };
}

describe('NewBuildDialog', () => {
  it('builds a registry version it was opened with, without a file or function', async () => {
    const setupResult = setup();
    const { onCreated } = await renderDialog(setupResult, {
      name: 'churn-classifier',
      version: '2',
    });
    const dialog = await screen.findByRole('dialog');

    expect(
      within(dialog).getByRole('combobox', { name: 'Model source' }),
    ).toHaveValue('registry');
    await waitFor(() =>
      expect(
        within(dialog).getByRole('combobox', { name: 'Version' }),
      ).toHaveValue('2'),
    );
    expect(within(dialog).getByLabelText('File (optional)')).toHaveValue('');
    expect(setupResult.mlflow.searchRegisteredModels).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: `tags.\`ml.project_id\` = '${churnProject.id}'`,
      }),
    );
    await waitFor(() =>
      expect(
        within(dialog).getByRole('button', { name: 'Build' }),
      ).toBeEnabled(),
    );
    await clickButtonIn(dialog, 'Build');

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(churnBuild));
    expect(setupResult.api.createBuild).toHaveBeenCalledWith(
      churnProject.id,
      churnModel.id,
      {
        registeredModel: { name: 'churn-classifier', version: '2' },
        runtimeId: pythonRuntime.id,
        comment: '',
        examples: [],
        env: {},
      },
    );
  });

  it('picks a registered model and a version when switched to the registry', async () => {
    const setupResult = setup();
    await renderDialog(setupResult);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('File')).toBeInTheDocument();
    expect(setupResult.mlflow.searchRegisteredModels).not.toHaveBeenCalled();

    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Model source' }),
      'registry',
    );
    const modelPicker = within(dialog).getByRole('combobox', {
      name: 'Registered model',
    });
    await within(modelPicker).findByRole('option', { name: 'fraud-detector' });
    await userEvent.selectOptions(modelPicker, 'fraud-detector');
    const versionPicker = within(dialog).getByRole('combobox', {
      name: 'Version',
    });
    await within(versionPicker).findByRole('option', { name: '4' });
    await userEvent.selectOptions(versionPicker, '4');
    await clickButtonIn(dialog, 'Build');

    await waitFor(() =>
      expect(setupResult.api.createBuild).toHaveBeenCalledWith(
        churnProject.id,
        churnModel.id,
        expect.objectContaining({
          registeredModel: { name: 'fraud-detector', version: '4' },
        }),
      ),
    );
    expect(
      setupResult.api.createBuild.mock.calls[0][2].filePath,
    ).toBeUndefined();
  });
});
