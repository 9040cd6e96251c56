import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { useLocation } from 'react-router-dom';
import { mlflowApiRef } from '../../../api';
import {
  createMockMlflowApi,
  mlflowExperiment,
  mlflowRun,
  mlflowRunId,
  renderWithMlApi,
} from '../../../__testUtils__';
import { errorResponse } from '../../../__testUtils__/responses';
import { needsRole } from '../../../hooks/useProjectAccess';
import { projectSlug } from '../../../lib/projectSlug';
import { churnProject } from '../../../testing/fixtures';
import { ProjectExperimentsTab } from './ProjectExperimentsTab';

const slug = projectSlug(churnProject);
const runA = mlflowRun({
  id: mlflowRunId(1),
  name: 'baseline',
  params: { lr: '0.1', model: 'tree' },
  metrics: { rmse: 0.5 },
  tags: {
    'ml.workload_id': 'w-17',
    'ml.job_id': 'j-2',
    'ml.job_run_number': '3',
  },
});
const runB = mlflowRun({
  id: mlflowRunId(2),
  name: 'deeper',
  params: { lr: '0.01', model: 'tree' },
  metrics: { rmse: 0.4 },
  tags: { 'ml.workload_id': 's-9' },
});

function LocationProbe() {
  const location = useLocation();
  return (
    <div data-testid="location">{`${location.pathname}${location.search}`}</div>
  );
}

function renderTab(mlflow: ReturnType<typeof createMockMlflowApi>) {
  return renderWithMlApi(<ProjectExperimentsTab project={churnProject} />, {
    apis: [[mlflowApiRef, mlflow]],
    path: '/ml/projects/:projectId/experiments',
    routeEntries: [`/ml/projects/${slug}/experiments`],
    otherRoutes: {
      '/ml/projects/:projectId/experiments/compare': <LocationProbe />,
    },
  });
}

function setup() {
  const mlflow = createMockMlflowApi();
  mlflow.searchExperiments.mockResolvedValue({
    items: [mlflowExperiment()],
  });
  mlflow.searchRuns.mockResolvedValue({ items: [runA, runB] });
  return mlflow;
}

const lastSearch = (mlflow: ReturnType<typeof setup>) =>
  mlflow.searchRuns.mock.calls[mlflow.searchRuns.mock.calls.length - 1][0];

describe('ProjectExperimentsTab', () => {
  it("lists the project's experiments and the latest one's runs, linked to their sources", async () => {
    const mlflow = setup();
    await renderTab(mlflow);

    expect(await screen.findByText('Runs of churn-tuning')).toBeInTheDocument();
    expect(mlflow.searchExperiments).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: `tags.\`ml.project_id\` = '${churnProject.id}'`,
      }),
    );
    expect(lastSearch(mlflow)).toMatchObject({
      experimentIds: ['7'],
      orderBy: ['attributes.start_time DESC'],
      runViewType: 'ACTIVE_ONLY',
    });
    expect(screen.getByRole('link', { name: 'baseline' })).toHaveAttribute(
      'href',
      `/ml/projects/${slug}/experiments/runs/${mlflowRunId(1)}`,
    );
    expect(screen.getByRole('link', { name: 'Job run #3' })).toHaveAttribute(
      'href',
      `/ml/projects/${slug}/jobs/j-2/runs/w-17`,
    );
    expect(screen.getByRole('link', { name: 'Session' })).toHaveAttribute(
      'href',
      `/ml/projects/${slug}/sessions/s-9`,
    );
    expect(screen.getAllByText('Finished')).toHaveLength(2);
    expect(screen.getAllByText('1 min 35 s')).toHaveLength(2);
  });

  it('adds the chosen param and metric columns and orders the runs by them on the server', async () => {
    const mlflow = setup();
    await renderTab(mlflow);
    await screen.findByText('Runs of churn-tuning');

    await userEvent.click(screen.getByRole('textbox', { name: 'Columns' }));
    await userEvent.click(await screen.findByRole('option', { name: 'lr' }));
    await userEvent.click(screen.getByRole('option', { name: 'rmse' }));
    await userEvent.keyboard('{Escape}');

    expect(await screen.findByText('0.01')).toBeInTheDocument();
    expect(screen.getByText('0.4')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'params.lr' }));
    await waitFor(() =>
      expect(lastSearch(mlflow).orderBy).toEqual(['params.lr DESC']),
    );
    await userEvent.click(screen.getByRole('button', { name: 'params.lr' }));
    await waitFor(() =>
      expect(lastSearch(mlflow).orderBy).toEqual(['params.lr ASC']),
    );
    await userEvent.click(screen.getByRole('button', { name: 'metrics.rmse' }));
    await waitFor(() =>
      expect(lastSearch(mlflow).orderBy).toEqual(['metrics.rmse DESC']),
    );
  });

  it("sends the filter to the server and shows the server's objection under the box", async () => {
    const mlflow = setup();
    await renderTab(mlflow);
    await screen.findByText('Runs of churn-tuning');
    const refusal = await ResponseError.fromResponse(
      errorResponse(
        400,
        'INVALID_PARAMETER_VALUE',
        "Invalid clause 'metrics.rmse <'",
      ),
    );
    mlflow.searchRuns.mockRejectedValue(refusal);

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Filter runs' }),
      'metrics.rmse <{Enter}',
    );

    expect(
      await screen.findByText("Invalid clause 'metrics.rmse <'"),
    ).toBeInTheDocument();
    expect(lastSearch(mlflow).filter).toBe('metrics.rmse <');
  });

  it('pages with the tokens the server gives', async () => {
    const mlflow = setup();
    mlflow.searchRuns.mockResolvedValueOnce({
      items: [runA],
      nextPageToken: 'page-2',
    });
    await renderTab(mlflow);
    await screen.findByText('Runs of churn-tuning');

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    await waitFor(() => expect(lastSearch(mlflow).pageToken).toBe('page-2'));
    expect(await screen.findByText('Page 2')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(lastSearch(mlflow).pageToken).toBeUndefined());
  });

  it('compares the selected runs', async () => {
    const mlflow = setup();
    await renderTab(mlflow);
    await screen.findByText('Runs of churn-tuning');
    const compare = screen.getByRole('button', { name: 'Compare' });

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Select baseline' }),
    );
    expect(compare).toBeDisabled();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Select deeper' }),
    );
    await userEvent.click(compare);

    expect(await screen.findByTestId('location')).toHaveTextContent(
      `/ml/projects/${slug}/experiments/compare?runs=${mlflowRunId(
        1,
      )},${mlflowRunId(2)}`,
    );
  });

  it('creates an experiment in the project and shows it', async () => {
    const mlflow = setup();
    mlflow.createExperiment.mockResolvedValue('8');
    await renderTab(mlflow);
    await screen.findByText('Runs of churn-tuning');
    mlflow.searchExperiments.mockResolvedValue({
      items: [
        mlflowExperiment({ experiment_id: '8', name: 'tuning' }),
        mlflowExperiment(),
      ],
    });

    await userEvent.click(
      screen.getByRole('button', { name: 'New experiment' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Name' }),
      'tuning',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create' }),
    );

    expect(mlflow.createExperiment).toHaveBeenCalledWith({
      name: 'tuning',
      tags: [{ key: 'ml.project_id', value: churnProject.id }],
    });
    expect(await screen.findByText('Runs of tuning')).toBeInTheDocument();
  });

  it('lets contributors create experiments, not operators', async () => {
    const mlflow = setup();
    await renderWithMlApi(<ProjectExperimentsTab project={churnProject} />, {
      apis: [[mlflowApiRef, mlflow]],
      projectRole: 'operator',
    });
    await screen.findByText('Runs of churn-tuning');
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'New experiment' }),
      ).toBeDisabled(),
    );
    expect(screen.getByTitle(needsRole('contributor'))).toContainElement(
      screen.getByRole('button', { name: 'New experiment' }),
    );
  });
});
