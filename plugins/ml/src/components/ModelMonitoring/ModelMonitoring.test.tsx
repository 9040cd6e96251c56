import { cloneElement, ReactElement } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import {
  churnDeployment,
  churnMetrics,
  churnModel,
  churnProject,
} from '../../testing/fixtures';
import { ModelMonitoring } from './ModelMonitoring';

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

function renderMonitoring(api: ReturnType<typeof createMockMlApi>) {
  return renderWithMlApi(
    <ModelMonitoring
      project={churnProject}
      state={{
        model: churnModel,
        builds: [],
        deployments: [churnDeployment],
        reload: jest.fn(),
      }}
    />,
    { api },
  );
}

describe('ModelMonitoring', () => {
  it('draws throughput, latency, errors, usage per replica and accuracy', async () => {
    const api = createMockMlApi({ getModelMetrics: churnMetrics });
    await renderMonitoring(api);

    const latency = await screen.findByRole('figure', { name: 'Latency' });
    // One line per percentile, with a legend entry each.
    expect(latency.querySelectorAll('.recharts-line')).toHaveLength(3);
    expect(within(latency).getByText('p99')).toBeInTheDocument();
    const throughput = screen.getByRole('figure', { name: 'Throughput' });
    expect(throughput.querySelectorAll('.recharts-area')).toHaveLength(1);
    expect(
      screen.getByRole('figure', { name: 'Error rate' }),
    ).toBeInTheDocument();
    const cpu = screen.getByRole('figure', { name: 'CPU per replica' });
    expect(within(cpu).getByText('replica 0')).toBeInTheDocument();
    expect(within(cpu).getByText('replica 1')).toBeInTheDocument();
    const accuracy = screen.getByRole('figure', { name: 'Accuracy' });
    expect(within(accuracy).getByText('score')).toBeInTheDocument();
    expect(within(accuracy).getByText('actual')).toBeInTheDocument();

    const [, , options] = api.getModelMetrics.mock.calls[0];
    expect(options?.stepSeconds).toBe(60);
    const from = Date.parse(options!.from!);
    expect(from % 60_000).toBe(0);
    const span = Date.parse(options!.to!) - from;
    expect(span).toBeGreaterThanOrEqual(3600_000);
    expect(span).toBeLessThan(3660_000);
  });

  it('asks again for the chosen range and deployment', async () => {
    const api = createMockMlApi({ getModelMetrics: churnMetrics });
    await renderMonitoring(api);
    await screen.findByRole('figure', { name: 'Latency' });

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Range' }),
      'Last 7 days',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Deployment' }),
      'Build #2 (deployed)',
    );

    await waitFor(() =>
      expect(api.getModelMetrics).toHaveBeenLastCalledWith(
        churnProject.id,
        churnModel.id,
        expect.objectContaining({
          stepSeconds: 3600,
          deploymentId: churnDeployment.id,
        }),
      ),
    );
  });

  it('says when there was no traffic and leaves out the accuracy chart without ground truth', async () => {
    const api = createMockMlApi({
      getModelMetrics: {
        ...churnMetrics,
        buckets: churnMetrics.buckets.map(b => ({
          ...b,
          requests: 0,
          errors: 0,
          delayedMetrics: {},
        })),
        usage: [],
      },
    });
    await renderMonitoring(api);

    expect(
      await screen.findAllByText('No requests in this range.'),
    ).toHaveLength(3);
    expect(screen.getAllByText('No replica ran in this range.')).toHaveLength(
      2,
    );
    expect(screen.queryByText('Accuracy')).not.toBeInTheDocument();
  });
});
