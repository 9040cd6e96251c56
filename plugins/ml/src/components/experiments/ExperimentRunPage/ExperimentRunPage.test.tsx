import { cloneElement, ReactElement } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlflowApiRef } from '../../../api';
import {
  createMockMlflowApi,
  findEnabledButton,
  mlflowExperiment,
  mlflowModelVersion,
  mlflowRegisteredModel,
  mlflowRun,
  mlflowRunId,
  renderWithMlApi,
  TestProjectRole,
} from '../../../__testUtils__';
import { needsRole } from '../../../hooks/useProjectAccess';
import { projectSlug } from '../../../lib/projectSlug';
import { churnProject } from '../../../testing/fixtures';
import { ExperimentRunPage } from './ExperimentRunPage';

// jsdom lays nothing out, so a ResponsiveContainer measures 0×0 and draws
// nothing; give the charts a fixed size instead.
jest.mock('recharts', () => {
  const actual = jest.requireActual('recharts');
  return {
    ...actual,
    ResponsiveContainer: ({ children }: { children: ReactElement }) =>
      cloneElement(children, { width: 800, height: 220 }),
  };
});

const slug = projectSlug(churnProject);
const runId = mlflowRunId(1);
const run = mlflowRun({
  id: runId,
  name: 'baseline',
  params: { lr: '0.1', max_depth: '6' },
  metrics: { rmse: [0.42, 9], accuracy: [0.9, 9] },
  tags: {
    team: 'churn',
    'mlflow.source.name': 'train.py',
    'ml.workload_id': 'w-17',
    'ml.job_id': 'j-2',
    'ml.job_run_number': '3',
  },
});

function setup() {
  const mlflow = createMockMlflowApi();
  mlflow.getRun.mockResolvedValue(run);
  mlflow.getExperiment.mockResolvedValue(mlflowExperiment());
  mlflow.getMetricHistory.mockImplementation(async (_id, key) =>
    [0, 1, 2].map(step => ({
      key,
      value: 1 / (step + 1),
      step,
      timestamp: step,
    })),
  );
  mlflow.listArtifacts.mockImplementation(async (_id, path) =>
    path === 'model'
      ? { files: [{ path: 'model/MLmodel', is_dir: false, file_size: 20 }] }
      : {
          files: [
            { path: 'notes.txt', is_dir: false, file_size: 11 },
            { path: 'model', is_dir: true },
          ],
        },
  );
  mlflow.downloadArtifact.mockResolvedValue(new Blob(['hello there']));
  return mlflow;
}

function renderPage(
  mlflow: ReturnType<typeof setup>,
  projectRole?: TestProjectRole,
) {
  return renderWithMlApi(<ExperimentRunPage />, {
    apis: [[mlflowApiRef, mlflow]],
    projectRole,
    path: '/ml/projects/:projectId/experiments/runs/:runId',
    routeEntries: [`/ml/projects/${slug}/experiments/runs/${runId}`],
  });
}

describe('ExperimentRunPage', () => {
  it('shows the run, its params and metrics, and links to its job run', async () => {
    const mlflow = setup();
    await renderPage(mlflow);

    expect(
      await screen.findByRole('heading', { name: 'baseline' }),
    ).toBeInTheDocument();
    expect(mlflow.getRun).toHaveBeenCalledWith(runId);
    expect(
      await screen.findByText('Experiment churn-tuning'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Job run #3' })).toHaveAttribute(
      'href',
      `/ml/projects/${slug}/jobs/j-2/runs/w-17`,
    );
    expect(screen.getByRole('link', { name: 'churn-tuning' })).toHaveAttribute(
      'href',
      `/ml/projects/${slug}/experiments?experiment=7`,
    );
    expect(screen.getByText('max_depth')).toBeInTheDocument();
    expect(screen.getByText('0.1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'rmse' })).toBeInTheDocument();
    expect(screen.getByText('0.42')).toBeInTheDocument();
  });

  it("draws a metric's history when its name is clicked", async () => {
    const mlflow = setup();
    await renderPage(mlflow);
    // The first metric by name opens at once.
    const accuracy = await screen.findByRole('figure', { name: 'accuracy' });
    expect(accuracy.querySelectorAll('.recharts-line')).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'rmse' }));

    const rmse = await screen.findByRole('figure', { name: 'rmse' });
    expect(rmse.querySelectorAll('.recharts-line')).toHaveLength(1);
    expect(mlflow.getMetricHistory).toHaveBeenLastCalledWith(runId, 'rmse');
  });

  it('hides the system tags until asked', async () => {
    const mlflow = setup();
    await renderPage(mlflow);
    expect(await screen.findByText('team')).toBeInTheDocument();
    expect(screen.queryByText('mlflow.source.name')).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('checkbox', { name: /Show system tags/ }),
    );

    expect(screen.getByText('mlflow.source.name')).toBeInTheDocument();
    expect(screen.getByText('ml.job_run_number')).toBeInTheDocument();
  });

  it('browses the artifacts and previews a text file', async () => {
    const mlflow = setup();
    await renderPage(mlflow);
    const tree = await screen.findByRole('tree', { name: 'Artifacts' });

    await userEvent.click(within(tree).getByText('model'));
    expect(await within(tree).findByText('MLmodel')).toBeInTheDocument();
    expect(mlflow.listArtifacts).toHaveBeenCalledWith(runId, 'model');

    await userEvent.click(within(tree).getByText('notes.txt'));

    expect(
      await screen.findByLabelText('Content of notes.txt'),
    ).toHaveTextContent('hello there');
    expect(mlflow.downloadArtifact).toHaveBeenCalledWith(
      run.info.artifact_uri,
      'notes.txt',
    );
    expect(screen.getByRole('button', { name: 'Download' })).toBeEnabled();
  });

  it('deletes the run', async () => {
    const mlflow = setup();
    mlflow.deleteRun.mockResolvedValue();
    await renderPage(mlflow);
    await screen.findByRole('heading', { name: 'baseline' });
    mlflow.getRun.mockResolvedValue({
      ...run,
      info: { ...run.info, lifecycle_stage: 'deleted' },
    });

    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));

    expect(mlflow.deleteRun).toHaveBeenCalledWith(runId);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Restore' })).toBeEnabled(),
    );
  });

  it("registers the run's model folder as a new registered model of the project", async () => {
    const mlflow = setup();
    mlflow.searchRegisteredModels.mockResolvedValue({ items: [] });
    mlflow.createRegisteredModel.mockResolvedValue(
      mlflowRegisteredModel({ name: 'churn', latest_versions: [] }),
    );
    mlflow.createModelVersion.mockResolvedValue(
      mlflowModelVersion({ name: 'churn', version: '1' }),
    );
    await renderPage(mlflow);
    const tree = await screen.findByRole('tree', { name: 'Artifacts' });
    expect(
      screen.getByRole('button', { name: 'Register model' }),
    ).toBeDisabled();

    await userEvent.click(within(tree).getByText('model'));
    await userEvent.click(await findEnabledButton('Register model'));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Register model as a model'),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Name' }),
      'churn',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Register' }),
    );

    expect(
      await screen.findByRole('link', { name: 'churn v1' }),
    ).toHaveAttribute('href', `/ml/projects/${slug}/registry/churn`);
    expect(mlflow.createRegisteredModel).toHaveBeenCalledWith({
      name: 'churn',
      tags: [{ key: 'ml.project_id', value: churnProject.id }],
    });
    expect(mlflow.createModelVersion).toHaveBeenCalledWith({
      name: 'churn',
      source: `runs:/${runId}/model`,
      runId,
    });
  });

  it('registers an artifact as a new version of an existing registered model', async () => {
    const mlflow = setup();
    mlflow.searchRegisteredModels.mockResolvedValue({
      items: [mlflowRegisteredModel()],
    });
    mlflow.createModelVersion.mockResolvedValue(
      mlflowModelVersion({ version: '2' }),
    );
    await renderPage(mlflow);
    const tree = await screen.findByRole('tree', { name: 'Artifacts' });

    await userEvent.click(within(tree).getByText('notes.txt'));
    await userEvent.click(await findEnabledButton('Register model'));
    const dialog = await screen.findByRole('dialog');
    const target = within(dialog).getByRole('combobox', {
      name: 'Registered model',
    });
    await within(target).findByRole('option', { name: 'churn-classifier' });
    await userEvent.selectOptions(target, 'churn-classifier');
    expect(
      within(dialog).queryByRole('textbox', { name: 'Name' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Register' }),
    );

    expect(
      await screen.findByRole('link', { name: 'churn-classifier v2' }),
    ).toBeInTheDocument();
    expect(mlflow.createRegisteredModel).not.toHaveBeenCalled();
    expect(mlflow.createModelVersion).toHaveBeenCalledWith({
      name: 'churn-classifier',
      source: `runs:/${runId}/notes.txt`,
      runId,
    });
  });

  it('keeps Delete and Register model from operators', async () => {
    const mlflow = setup();
    await renderPage(mlflow, 'operator');
    const tree = await screen.findByRole('tree', { name: 'Artifacts' });
    await userEvent.click(within(tree).getByText('model'));

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Delete' })).toBeDisabled(),
    );
    expect(
      screen.getByRole('button', { name: 'Register model' }),
    ).toBeDisabled();
    expect(screen.getAllByTitle(needsRole('contributor'))).toHaveLength(2);
  });
});
