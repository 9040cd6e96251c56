import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { needsRole } from '../../hooks/useProjectAccess';
import {
  clickButtonIn,
  createMockMlApi,
  findEnabledButton,
  renderAsRole,
  TestProjectRole,
} from '../../__testUtils__';
import {
  churnModel,
  churnProject,
  reportJob,
  trainJob,
} from '../../testing/fixtures';
import {
  alertEvaluation,
  churnEvents,
  churnPolicy,
  churnSettings,
  driftMonitor,
  maeMonitor,
} from '../../testing/monitoringFixtures';
import { ModelMonitorsTab } from './ModelMonitorsTab';

function setup() {
  return createMockMlApi({
    listMonitors: [maeMonitor, driftMonitor],
    listModelEvents: { items: churnEvents, total_size: 2 },
    getMonitoringSettings: churnSettings,
    listJobs: [trainJob, reportJob],
    getPromotionPolicy: churnPolicy,
    listMonitorEvaluations: { items: [alertEvaluation], total_size: 1 },
  });
}

const renderTab = (
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
) =>
  renderAsRole(
    <ModelMonitorsTab
      project={churnProject}
      state={{
        model: churnModel,
        builds: [],
        deployments: [],
        reload: jest.fn(),
      }}
    />,
    api,
    role,
  );

const rowOf = async (name: string) =>
  (await screen.findByText(name)).closest('tr')!;

describe('ModelMonitorsTab', () => {
  it('lists monitors with their state, last value, window and trigger job', async () => {
    await renderTab(setup());

    const mae = await rowOf('mae-too-high');
    expect(within(mae).getByText('Alerting')).toBeInTheDocument();
    expect(within(mae).getByText('0.31 (alert > 0.2)')).toBeInTheDocument();
    expect(within(mae).getByText('1h')).toBeInTheDocument();
    expect(within(mae).getByRole('link', { name: 'train' })).toHaveAttribute(
      'href',
      expect.stringContaining(`/jobs/${trainJob.id}`),
    );
    const drift = await rowOf('tenure-drift');
    expect(within(drift).getByText('Insufficient data')).toBeInTheDocument();
    expect(within(drift).getByText('drift psi of tenure')).toBeInTheDocument();
  });

  it("shows a monitor's history with a link to the run its alert started", async () => {
    const api = setup();
    await renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'History of mae-too-high' }),
    );
    expect(
      await screen.findByText('History of mae-too-high'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'View run' }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining(
        `/jobs/${trainJob.id}/runs/${alertEvaluation.triggeredRunId}`,
      ),
    );
    expect(api.listMonitorEvaluations).toHaveBeenCalledWith(
      churnProject.id,
      churnModel.id,
      maeMonitor.id,
      { pageSize: 50 },
    );
  });

  it('creates a quality monitor that starts a job', async () => {
    const api = setup();
    api.createMonitor.mockResolvedValue(maeMonitor);
    await renderTab(api);

    await userEvent.click(await findEnabledButton('New monitor'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Name' }),
      'rmse-high',
    );
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Metric' }),
      'rmse',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Threshold' }),
      '0.4',
    );
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Job to start on alert' }),
      'train',
    );
    const loads = api.listMonitors.mock.calls.length;
    await clickButtonIn(dialog, 'Create');

    await waitFor(() =>
      expect(api.createMonitor).toHaveBeenCalledWith(
        churnProject.id,
        churnModel.id,
        {
          name: 'rmse-high',
          metric: { kind: 'quality', name: 'rmse' },
          windowSeconds: 3600,
          threshold: 0.4,
          direction: 'above',
          minSamples: 30,
          cooldownSeconds: 86400,
          enabled: true,
          triggerJobId: trainJob.id,
        },
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.listMonitors.mock.calls.length).toBeGreaterThan(loads);
  });

  it('edits a drift monitor and clears its job, keeping its feature', async () => {
    const api = setup();
    api.updateMonitor.mockResolvedValue(driftMonitor);
    await renderTab(api);

    await userEvent.click(await findEnabledButton('Edit mae-too-high'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Job to start on alert' }),
      'None',
    );
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Metric kind' }),
      'drift',
    );
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Feature' }),
      'plan',
    );
    await clickButtonIn(dialog, 'Save');

    await waitFor(() =>
      expect(api.updateMonitor).toHaveBeenCalledWith(
        churnProject.id,
        churnModel.id,
        maeMonitor.id,
        expect.objectContaining({
          metric: { kind: 'drift', feature: 'plan', statistic: 'psi' },
          triggerJobId: null,
        }),
      ),
    );
  });

  it('deletes a monitor after asking', async () => {
    const api = setup();
    api.deleteMonitor.mockResolvedValue();
    await renderTab(api);

    await userEvent.click(await findEnabledButton('Delete tenure-drift'));
    await clickButtonIn(await screen.findByRole('dialog'), 'Delete');
    await waitFor(() =>
      expect(api.deleteMonitor).toHaveBeenCalledWith(
        churnProject.id,
        churnModel.id,
        driftMonitor.id,
      ),
    );
  });

  it("shows the model's history with links to the run and the build", async () => {
    await renderTab(setup());

    const history = await screen.findByRole('list', { name: 'Model history' });
    const items = within(history).getAllByRole('listitem');
    expect(within(items[0]).getByText('Refused')).toBeInTheDocument();
    expect(
      within(items[0]).getByRole('link', { name: 'Build' }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining(`/models/${churnModel.id}/builds`),
    );
    expect(within(items[1]).getByText('Retraining')).toBeInTheDocument();
    expect(within(items[1]).getByRole('link', { name: 'Run' })).toHaveAttribute(
      'href',
      expect.stringContaining(
        `/jobs/${trainJob.id}/runs/${alertEvaluation.triggeredRunId}`,
      ),
    );
  });

  it('shows the promotion policy and lets only operators change it', async () => {
    await renderTab(setup(), 'viewer');

    expect(
      await screen.findByText('rmse, lower is better'),
    ).toBeInTheDocument();
    const edit = screen.getByRole('button', { name: 'Edit policy' });
    await waitFor(() => expect(edit).toBeDisabled());
    await userEvent.hover(edit.parentElement!);
    expect(await screen.findByText(needsRole('operator'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New monitor' })).toBeDisabled();
  });

  it('sets a promotion policy where there was none', async () => {
    const api = setup();
    api.getPromotionPolicy.mockResolvedValue(undefined);
    api.putPromotionPolicy.mockResolvedValue(churnPolicy);
    await renderTab(api, 'operator');

    expect(
      await screen.findByText(
        /No policy: a job's candidates are neither deployed nor refused/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(await findEnabledButton('Set policy'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Metric' }),
      'rmse',
    );
    await clickButtonIn(dialog, 'Save');

    await waitFor(() =>
      expect(api.putPromotionPolicy).toHaveBeenCalledWith(
        churnProject.id,
        churnModel.id,
        {
          enabled: true,
          metric: 'rmse',
          source: 'mlflowRun',
          better: 'lower',
          margin: 0,
        },
      ),
    );
  });
});
