import { cloneElement, ReactElement } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  clickButtonIn,
  createMockMlApi,
  findEnabledButton,
  renderWithMlApi,
} from '../../__testUtils__';
import {
  churnDeployment,
  churnMetrics,
  churnModel,
  churnProject,
} from '../../testing/fixtures';
import {
  churnDrift,
  churnQuality,
  churnSettings,
  driftMonitor,
  maeMonitor,
  unconfiguredSettings,
} from '../../testing/monitoringFixtures';
import { ModelMonitoring } from './ModelMonitoring';

// jsdom lays nothing out: give the charts a fixed size (see
// ModelMonitoring.test.tsx).
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

const configured = () =>
  createMockMlApi({
    getModelMetrics: churnMetrics,
    getModelQuality: churnQuality,
    getModelDrift: churnDrift,
    getMonitoringSettings: churnSettings,
    listMonitors: [maeMonitor, driftMonitor],
  });

describe('ModelMonitoring quality and drift', () => {
  it('draws the quality metric per window with the thresholds of its monitors', async () => {
    const api = configured();
    await renderMonitoring(api);

    const quality = await screen.findByRole('figure', { name: 'Quality' });
    expect(quality.querySelectorAll('.recharts-line')).toHaveLength(1);
    // Two windows with truth around one without: dots, as the line breaks.
    expect(quality.querySelectorAll('.recharts-line-dot')).toHaveLength(2);
    expect(within(quality).getByText('mae-too-high')).toBeInTheDocument();
    expect(
      screen.getByRole('combobox', { name: 'Quality metric' }),
    ).toHaveValue('mae');

    const pairs = screen.getByRole('figure', { name: 'Predictions and truth' });
    expect(within(pairs).getByText('score')).toBeInTheDocument();
    expect(within(pairs).getByText('actual')).toBeInTheDocument();
    const aggregates = screen.getByRole('figure', {
      name: 'Aggregate metrics',
    });
    expect(within(aggregates).getByText('auc')).toBeInTheDocument();

    // Quality and drift are asked for the range of the traffic charts.
    const [, , metricsRange] = api.getModelMetrics.mock.calls[0];
    expect(api.getModelQuality).toHaveBeenCalledWith(
      churnProject.id,
      churnModel.id,
      metricsRange,
    );
    expect(api.getModelDrift).toHaveBeenCalledWith(
      churnProject.id,
      churnModel.id,
      metricsRange,
    );
  });

  it('colours drift per feature and window by PSI and notes drift monitors', async () => {
    await renderMonitoring(configured());

    const strip = await screen.findByRole('table', {
      name: 'Drift per feature',
    });
    const tenure = within(strip).getByRole('row', { name: /^tenure/ });
    const levels = within(tenure)
      .getAllByRole('cell')
      .map(cell => cell.getAttribute('data-level'));
    expect(levels).toEqual(['ok', 'watch', 'drifted']);
    expect(
      within(tenure).getByLabelText(/PSI 0\.4 · KS 0\.5 \(p 0\.001\)/),
    ).toBeInTheDocument();
    const prediction = within(strip).getByRole('row', { name: /^Prediction/ });
    expect(
      within(prediction)
        .getAllByRole('cell')
        .map(cell => cell.getAttribute('data-level')),
    ).toEqual(['ok', 'none', 'none']);
    expect(
      within(strip).getByText('No baseline or no values in this range.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Monitor tenure-drift: drift psi of tenure above 0.25'),
    ).toBeInTheDocument();
  });

  it('shows how to set up monitoring and saves the settings', async () => {
    const api = createMockMlApi({
      getModelMetrics: churnMetrics,
      getModelQuality: { ...churnQuality, configured: false, windows: [] },
      getModelDrift: { ...churnDrift, features: [] },
      getMonitoringSettings: unconfiguredSettings,
      listMonitors: [],
      putMonitoringSettings: churnSettings,
    });
    await renderMonitoring(api);

    expect(
      await screen.findByText('Set up quality monitoring'),
    ).toBeInTheDocument();
    expect(screen.getByText(/track_delayed_metrics\(/)).toBeInTheDocument();
    expect(screen.queryByRole('figure', { name: 'Quality' })).toBeNull();

    await userEvent.click(await findEnabledButton('Monitoring settings'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Prediction metric' }),
      'score',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Truth metric' }),
      'actual',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Features' }),
      'tenure{enter}plan:categorical',
    );
    await clickButtonIn(dialog, 'Save');

    await waitFor(() =>
      expect(api.putMonitoringSettings).toHaveBeenCalledWith(
        churnProject.id,
        churnModel.id,
        {
          task: 'regression',
          predictionMetric: 'score',
          truthMetric: 'actual',
          features: [
            { name: 'tenure', type: 'numeric' },
            { name: 'plan', type: 'categorical' },
          ],
        },
      ),
    );
  });

  it('takes a drift baseline for a feature that has none', async () => {
    const api = configured();
    api.takeDriftBaseline.mockResolvedValue([]);
    await renderMonitoring(api);

    const strip = await screen.findByRole('table', {
      name: 'Drift per feature',
    });
    // Only plan has no baseline; tenure and the prediction have windows.
    expect(
      within(strip).getAllByRole('button', { name: /^Take baseline/ }),
    ).toHaveLength(1);
    await userEvent.click(await findEnabledButton('Take baseline for plan'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Take drift baseline',
    });
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Source' }),
      'predictions',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Predictions' }),
      '500',
    );
    await clickButtonIn(dialog, 'Take baseline');

    await waitFor(() =>
      expect(api.takeDriftBaseline).toHaveBeenCalledWith(
        churnProject.id,
        churnModel.id,
        { source: 'predictions', size: 500 },
      ),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('offers no baseline for a feature that has one but no values in the range', async () => {
    const api = configured();
    api.getModelDrift.mockResolvedValue({
      ...churnDrift,
      features: churnDrift.features.map(f =>
        f.feature === 'plan'
          ? {
              ...f,
              baseline: {
                feature: 'plan',
                type: 'categorical',
                size: 100,
                source: 'build 1 examples',
                createdAt: churnDrift.from,
              },
            }
          : f,
      ),
    });
    await renderMonitoring(api);

    const strip = await screen.findByRole('table', {
      name: 'Drift per feature',
    });
    expect(
      within(strip).getByText('No baseline or no values in this range.'),
    ).toBeInTheDocument();
    expect(
      within(strip).queryByRole('button', { name: /^Take baseline/ }),
    ).toBeNull();
  });

  it('keeps the traffic charts when quality cannot be loaded', async () => {
    const api = createMockMlApi({ getModelMetrics: churnMetrics });
    api.getModelQuality.mockRejectedValue(new Error('quality is down'));
    await renderMonitoring(api);

    expect(
      await screen.findByText(
        'Quality and drift could not be loaded: quality is down',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Latency' })).toBeInTheDocument();
  });
});
