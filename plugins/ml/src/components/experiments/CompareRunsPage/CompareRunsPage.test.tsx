import { cloneElement, ReactElement } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlflowApiRef } from '../../../api';
import {
  createMockMlflowApi,
  mlflowRun,
  mlflowRunId,
  renderWithMlApi,
} from '../../../__testUtils__';
import { projectSlug } from '../../../lib/projectSlug';
import { churnProject } from '../../../testing/fixtures';
import { CompareRunsPage } from './CompareRunsPage';

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
const runs = [
  mlflowRun({
    id: mlflowRunId(1),
    name: 'baseline',
    params: { lr: '0.1', model: 'tree' },
    metrics: { loss: 0.5, rmse: 0.42 },
  }),
  mlflowRun({
    id: mlflowRunId(2),
    name: 'deeper',
    params: { lr: '0.01', model: 'tree' },
    metrics: { loss: 0.4, rmse: 0.42 },
  }),
  mlflowRun({
    id: mlflowRunId(3),
    name: 'wider',
    params: { lr: '0.05', model: 'tree' },
    metrics: { loss: 0.45, rmse: 0.42 },
  }),
];

function setup() {
  const mlflow = createMockMlflowApi();
  mlflow.getRun.mockImplementation(async id => {
    const found = runs.find(r => r.info.run_id === id);
    if (!found) throw new Error(`no run ${id}`);
    return found;
  });
  mlflow.getMetricHistory.mockImplementation(async (id, key) =>
    [0, 1, 2].map(step => ({
      key,
      value: Number(id.slice(-1)) / (step + 1),
      step,
      timestamp: step,
    })),
  );
  return mlflow;
}

function renderPage(mlflow: ReturnType<typeof setup>, ids: string[]) {
  return renderWithMlApi(<CompareRunsPage />, {
    apis: [[mlflowApiRef, mlflow]],
    path: '/ml/projects/:projectId/experiments/compare',
    routeEntries: [
      `/ml/projects/${slug}/experiments/compare?runs=${ids.join(',')}`,
    ],
  });
}

describe('CompareRunsPage', () => {
  it("overlays a metric's histories, one line per run, named in the legend", async () => {
    const mlflow = setup();
    await renderPage(
      mlflow,
      runs.map(r => r.info.run_id),
    );

    const chart = await screen.findByRole('figure', { name: 'loss' });
    expect(chart.querySelectorAll('.recharts-line')).toHaveLength(3);
    const legend = chart.querySelector(
      '.recharts-legend-wrapper',
    ) as HTMLElement;
    for (const name of ['baseline', 'deeper', 'wider']) {
      expect(within(legend).getByText(name)).toBeInTheDocument();
    }
    expect(mlflow.getMetricHistory).toHaveBeenCalledWith(
      mlflowRunId(2),
      'loss',
    );

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Metric' }),
      'rmse',
    );

    const rmse = await screen.findByRole('figure', { name: 'rmse' });
    expect(rmse.querySelectorAll('.recharts-line')).toHaveLength(3);
  });

  it('highlights the params and metrics that differ, and can show only those', async () => {
    const mlflow = setup();
    await renderPage(mlflow, [mlflowRunId(1), mlflowRunId(2)]);
    const table = await screen.findByRole('table', {
      name: 'Params and metrics of the runs',
    });
    const row = (key: string) =>
      within(table).getByRole('rowheader', { name: key }).closest('tr');

    expect(row('params.lr')).toHaveAttribute('data-differs', 'true');
    expect(row('params.lr')?.className).toMatch(/differs/);
    expect(row('params.lr')).toHaveTextContent('0.10.01');
    expect(row('params.model')).not.toHaveAttribute('data-differs');
    expect(row('metrics.loss')).toHaveAttribute('data-differs', 'true');
    expect(row('metrics.rmse')).not.toHaveAttribute('data-differs');

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Only differences' }),
    );

    expect(
      within(table).queryByRole('rowheader', { name: 'params.model' }),
    ).not.toBeInTheDocument();
    expect(
      within(table).getByRole('rowheader', { name: 'params.lr' }),
    ).toBeInTheDocument();
  });

  it('asks for 2 to 10 runs', async () => {
    const mlflow = setup();
    await renderPage(mlflow, [mlflowRunId(1)]);

    expect(
      await screen.findByText('Pick 2 to 10 runs to compare'),
    ).toBeInTheDocument();
    expect(mlflow.getRun).not.toHaveBeenCalled();
  });
});
