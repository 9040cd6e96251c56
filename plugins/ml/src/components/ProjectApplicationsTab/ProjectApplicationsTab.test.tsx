import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { needsRole } from '../../hooks/useProjectAccess';
import {
  clickButtonIn,
  createMockMlApi,
  expectButtons,
  findEnabledButton,
  launchChoices,
  renderAsRole,
  TestProjectRole,
} from '../../__testUtils__';
import {
  churnProject,
  dashboardApp,
  fileEntry,
  pythonRuntime,
} from '../../testing/fixtures';
import { ProjectApplicationsTab } from './ProjectApplicationsTab';

function setup(options: { allowBypass?: boolean } = {}) {
  const api = createMockMlApi({
    getApplicationSettings: {
      allowBypassAuthentication: options.allowBypass ?? false,
    },
    listApplications: [
      dashboardApp,
      {
        ...dashboardApp,
        id: 'a2',
        name: 'Old report',
        slug: 'old-report',
        state: 'stopped',
        workloadId: undefined,
      },
    ],
    ...launchChoices(),
    listFiles: [fileEntry('app.py'), fileEntry('README.md')],
  });
  return api;
}

const renderTab = (
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
) => renderAsRole(<ProjectApplicationsTab project={churnProject} />, api, role);

describe('ProjectApplicationsTab', () => {
  it('lists apps with their status and slug, and opens a running one after setting the cookie', async () => {
    const api = setup();
    const tab = { opener: {}, location: { href: '' }, close: jest.fn() };
    const open = jest.spyOn(window, 'open').mockReturnValue(tab as any);
    api.prepareApplicationUrl.mockResolvedValue(
      'http://localhost:7007/api/ml/apps/churn-dashboard/',
    );
    await renderTab(api);

    const row = (await screen.findByText('Churn dashboard')).closest('tr')!;
    expect(within(row).getByText('churn-dashboard')).toBeInTheDocument();
    expect(within(row).getByText('Running')).toBeInTheDocument();
    const stoppedRow = screen.getByText('Old report').closest('tr')!;
    expect(
      within(stoppedRow).getByText(/Stopped · never started/),
    ).toBeInTheDocument();
    expect(
      within(stoppedRow).getByRole('button', { name: 'Open Old report' }),
    ).toBeDisabled();

    // A click, dispatched at once: the table redraws its rows as the list refreshes.
    fireEvent.click(
      within(row).getByRole('button', { name: 'Open Churn dashboard' }),
    );
    await waitFor(
      () =>
        expect(tab.location.href).toBe(
          'http://localhost:7007/api/ml/apps/churn-dashboard/',
        ),
      { timeout: 10_000 },
    );
    expect(api.prepareApplicationUrl).toHaveBeenCalledWith(
      expect.objectContaining({ id: dashboardApp.id, url: dashboardApp.url }),
    );
    expect(open).toHaveBeenCalledWith('about:blank', '_blank');
    // The app's page gets no handle on the portal's window.
    expect(tab.opener).toBeNull();
    open.mockRestore();
  });

  it('stops a running app and starts a stopped one', async () => {
    const api = setup();
    api.stopApplication.mockResolvedValue({
      ...dashboardApp,
      state: 'stopped',
    });
    api.startApplication.mockResolvedValue({
      ...dashboardApp,
      id: 'a2',
      state: 'queued',
    });
    await renderTab(api);

    fireEvent.click(await findEnabledButton('Stop Churn dashboard'));
    expect(api.stopApplication).toHaveBeenCalledWith(
      churnProject.id,
      dashboardApp.id,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start Old report' }));
    expect(api.startApplication).toHaveBeenCalledWith(churnProject.id, 'a2');
    // Each action reloads the list.
    await waitFor(() =>
      expect(api.listApplications.mock.calls.length).toBeGreaterThan(1),
    );
  });

  it('creates an app with a slug from its name, without the bypass option unless the portal allows it', async () => {
    const api = setup();
    api.createApplication.mockResolvedValue({ ...dashboardApp, id: 'a3' });
    await renderTab(api);

    await userEvent.click(await findEnabledButton('New application'));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).queryByText(/without signing in/),
    ).not.toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Name'), 'Sales Board!');
    expect(within(dialog).getByLabelText('Slug')).toHaveValue('sales-board');
    await userEvent.type(within(dialog).getByLabelText('Script'), 'app.py');
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Profile')).toHaveValue('small'),
    );
    await clickButtonIn(dialog, 'Create');

    await waitFor(() =>
      expect(api.createApplication).toHaveBeenCalledWith(churnProject.id, {
        name: 'Sales Board!',
        slug: 'sales-board',
        description: '',
        script: 'app.py',
        runtimeId: pythonRuntime.id,
        profile: 'small',
        env: {},
        bypassAuthentication: false,
      }),
    );
  });

  it('offers the bypass option when allowed and shows the server’s reason under a field', async () => {
    const api = setup({ allowBypass: true });
    api.createApplication.mockRejectedValue(
      new Error('Invalid request body: slug: must use only lowercase letters'),
    );
    await renderTab(api);

    await userEvent.click(await findEnabledButton('New application'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/without signing in/)).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Name'), 'x');
    await userEvent.type(within(dialog).getByLabelText('Script'), 'app.py');
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Profile')).toHaveValue('small'),
    );
    await clickButtonIn(dialog, 'Create');
    expect(
      await within(dialog).findByText('must use only lowercase letters'),
    ).toBeInTheDocument();
  });

  it('lets an operator start, stop and restart apps, not create, edit or delete them', async () => {
    const api = setup();
    await renderTab(api, 'operator');

    expect(await findEnabledButton('Stop Churn dashboard')).toBeInTheDocument();
    expectButtons({
      enabled: [
        'Start Old report',
        'Restart Churn dashboard',
        'Logs of Churn dashboard',
      ],
      disabled: [
        'New application',
        'Edit Churn dashboard',
        'Delete Churn dashboard',
        'Edit Old report',
        'Delete Old report',
      ],
    });
    expect(screen.getAllByTitle(needsRole('contributor'))).toHaveLength(5);
  });

  it('lets a viewer open an app and read its logs, nothing else', async () => {
    const api = setup();
    await renderTab(api, 'viewer');

    expect(
      await findEnabledButton('Logs of Churn dashboard'),
    ).toBeInTheDocument();
    expectButtons({
      enabled: ['Open Churn dashboard'],
      disabled: [
        'Stop Churn dashboard',
        'Start Old report',
        'Restart Churn dashboard',
        'Edit Churn dashboard',
        'Delete Churn dashboard',
      ],
    });
    expect(screen.getAllByTitle(needsRole('operator'))).toHaveLength(4);
  });
});
