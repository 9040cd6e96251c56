import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlflowApiRef } from '../../../api';
import {
  answerWith,
  createMockMlApi,
  createMockMlflowApi,
  findEnabledButton,
  launchChoices,
  mlflowModelVersion,
  mlflowRegisteredModel,
  mlflowRunId,
  renderWithMlApi,
  TestProjectRole,
} from '../../../__testUtils__';
import { needsRole } from '../../../hooks/useProjectAccess';
import { projectSlug } from '../../../lib/projectSlug';
import {
  churnBuild,
  churnDeployment,
  churnModel,
  churnProject,
  failedBuild,
} from '../../../testing/fixtures';
import { RegisteredModelPage } from './RegisteredModelPage';

const slug = projectSlug(churnProject);
const v1 = mlflowModelVersion({ version: '1', current_stage: 'Archived' });
const v2 = mlflowModelVersion({
  version: '2',
  current_stage: 'Production',
  aliases: ['champion'],
  run_id: mlflowRunId(2),
  source: `runs:/${mlflowRunId(2)}/model`,
});
// Build 2 serves v2 and is deployed; failed build 1 came from files.
const v2Build = {
  ...churnBuild,
  registeredModel: { name: 'churn-classifier', version: '2' },
};

function setup() {
  const api = answerWith(createMockMlApi(), {
    getProject: churnProject,
    listModels: [churnModel],
    listBuilds: [v2Build, failedBuild],
    listDeployments: [churnDeployment],
    ...launchChoices(),
    createBuild: churnBuild,
  });
  const mlflow = createMockMlflowApi();
  mlflow.getRegisteredModel.mockResolvedValue(
    mlflowRegisteredModel({
      latest_versions: [v2, v1],
      aliases: [{ alias: 'champion', version: '2' }],
    }),
  );
  mlflow.searchModelVersions.mockResolvedValue({ items: [v2, v1] });
  mlflow.searchRegisteredModels.mockResolvedValue({
    items: [mlflowRegisteredModel()],
  });
  return { api, mlflow };
}

function renderPage(
  { api, mlflow }: ReturnType<typeof setup>,
  projectRole?: TestProjectRole,
) {
  return renderWithMlApi(<RegisteredModelPage />, {
    api,
    apis: [[mlflowApiRef, mlflow]],
    projectRole,
    path: '/ml/projects/:projectId/registry/:modelName',
    routeEntries: [`/ml/projects/${slug}/registry/churn-classifier`],
  });
}

const rowOf = async (version: string) =>
  (await screen.findByText(`v${version}`, { selector: 'td' })).closest('tr')!;

describe('RegisteredModelPage', () => {
  it('lists the versions with their stage, aliases, source run, builds and deployments', async () => {
    const context = setup();
    await renderPage(context);

    expect(
      await screen.findByRole('heading', { name: 'churn-classifier' }),
    ).toBeInTheDocument();
    const row = await rowOf('2');
    expect(within(row).getByText('Production')).toBeInTheDocument();
    expect(within(row).getByText('@champion')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', {
        name: `${mlflowRunId(2).slice(0, 8)} / model`,
      }),
    ).toHaveAttribute(
      'href',
      `/ml/projects/${slug}/experiments/runs/${mlflowRunId(2)}`,
    );
    const builds = await within(row).findAllByRole('link', {
      name: 'churn-predictor #2',
    });
    expect(builds.map(link => link.getAttribute('href'))).toEqual([
      `/ml/projects/${slug}/models/${churnModel.id}/builds`,
      `/ml/projects/${slug}/models/${churnModel.id}/deployments`,
    ]);
    expect(within(row).getByText('Built')).toBeInTheDocument();
    expect(within(row).getByText('Deployed')).toBeInTheDocument();
    expect(
      within(await rowOf('1')).queryByRole('link', { name: /churn-predictor/ }),
    ).not.toBeInTheDocument();
    expect(context.mlflow.searchModelVersions).toHaveBeenCalledWith(
      expect.objectContaining({ filter: "name = 'churn-classifier'" }),
    );
  });

  it('moves a version to another stage and reloads', async () => {
    const context = setup();
    context.mlflow.transitionModelVersionStage.mockResolvedValue(v1);
    await renderPage(context);

    await userEvent.click(await findEnabledButton('Stage of v1'));
    await userEvent.click(
      await screen.findByRole('menuitem', { name: 'Move to Staging' }),
    );

    await waitFor(() =>
      expect(context.mlflow.transitionModelVersionStage).toHaveBeenCalledWith(
        'churn-classifier',
        '1',
        'Staging',
      ),
    );
    await waitFor(() =>
      expect(context.mlflow.searchModelVersions).toHaveBeenCalledTimes(2),
    );
  });

  it('sets and removes aliases', async () => {
    const context = setup();
    context.mlflow.setRegisteredModelAlias.mockResolvedValue();
    context.mlflow.deleteRegisteredModelAlias.mockResolvedValue();
    await renderPage(context);

    await userEvent.click(await findEnabledButton('Add an alias to v1'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Alias' }),
      'challenger',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Set alias' }),
    );
    await waitFor(() =>
      expect(context.mlflow.setRegisteredModelAlias).toHaveBeenCalledWith(
        'churn-classifier',
        'challenger',
        '1',
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    const chip = within(await rowOf('2')).getByRole('button', {
      name: 'Alias champion',
    });
    await userEvent.click(within(chip).getByTestId('alias-delete'));
    await waitFor(() =>
      expect(context.mlflow.deleteRegisteredModelAlias).toHaveBeenCalledWith(
        'churn-classifier',
        'champion',
      ),
    );
  });

  it('builds a version into an ML model of the project with the new-build dialog', async () => {
    const context = setup();
    await renderPage(context);

    await userEvent.click(await findEnabledButton('Build v2'));
    await userEvent.click(
      await screen.findByRole('menuitem', {
        name: 'Into model churn-predictor',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('New build of churn-predictor'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(dialog).getByRole('combobox', { name: 'Version' }),
      ).toHaveValue('2'),
    );
    await waitFor(() =>
      expect(
        within(dialog).getByRole('button', { name: 'Build' }),
      ).toBeEnabled(),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Build' }),
    );

    await waitFor(() =>
      expect(context.api.createBuild).toHaveBeenCalledWith(
        churnProject.id,
        churnModel.id,
        expect.objectContaining({
          registeredModel: { name: 'churn-classifier', version: '2' },
        }),
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('keeps the actions from operators', async () => {
    const context = setup();
    await renderPage(context, 'operator');
    const row = await rowOf('2');
    await waitFor(() =>
      expect(
        within(row).getByRole('button', { name: 'Stage of v2' }),
      ).toBeDisabled(),
    );
    expect(
      within(row).getByRole('button', { name: 'Add an alias to v2' }),
    ).toBeDisabled();
    expect(
      within(row).getByRole('button', { name: 'Build v2' }),
    ).toBeDisabled();
    expect(
      within(row).queryByRole('button', { name: 'Alias champion' }),
    ).not.toBeInTheDocument();
    expect(within(row).getAllByTitle(needsRole('contributor'))).toHaveLength(3);
  });
});
