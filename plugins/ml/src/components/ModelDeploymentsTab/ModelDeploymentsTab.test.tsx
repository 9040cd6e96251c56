import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { needsRole } from '../../hooks/useProjectAccess';
import {
  clickButtonIn,
  createMockMlApi,
  findEnabledButton,
  renderWithMlApi,
  TestProjectRole,
} from '../../__testUtils__';
import {
  churnDeployment,
  churnModel,
  churnProject,
} from '../../testing/fixtures';
import { ModelDeploymentsTab } from './ModelDeploymentsTab';

/**
 * Waits for the tab to reload, then expects `method` to have been called on
 * the serving deployment, with `args` after its ids.
 */
async function expectReloadAfter(
  reload: jest.Mock,
  method: jest.MockInstance<unknown, any[]>,
  ...args: unknown[]
) {
  await waitFor(() => expect(reload).toHaveBeenCalled());
  expect(method).toHaveBeenCalledWith(
    churnProject.id,
    churnModel.id,
    churnDeployment.id,
    ...args,
  );
}

function renderTab(
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
) {
  const reload = jest.fn();
  const stopped = {
    ...churnDeployment,
    id: 'd0000000-0000-4000-8000-000000000001',
    buildNumber: 1,
    state: 'stopped' as const,
    stoppedAt: '2026-01-12T10:03:30.000Z',
  };
  return {
    reload,
    rendered: renderWithMlApi(
      <ModelDeploymentsTab
        project={churnProject}
        state={{
          model: churnModel,
          builds: [],
          deployments: [churnDeployment, stopped],
          reload,
        }}
      />,
      { api, projectRole: role },
    ),
  };
}

describe('ModelDeploymentsTab', () => {
  it('changes the replica count of a running deployment', async () => {
    const api = createMockMlApi({
      scaleDeployment: { ...churnDeployment, replicas: 4 },
    });
    const { reload, rendered } = renderTab(api);
    await rendered;

    expect(screen.getByText('#2 (active)')).toBeInTheDocument();
    // The stopped one offers no actions.
    expect(
      screen.queryByRole('button', { name: 'Stop build 1' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      await findEnabledButton('Change replicas of build 2'),
    );
    const dialog = await screen.findByRole('dialog');
    const field = within(dialog).getByRole('textbox', { name: 'Replicas' });
    await userEvent.clear(field);
    await userEvent.type(field, '21');
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
    await userEvent.clear(field);
    await userEvent.type(field, '4');
    await clickButtonIn(dialog, 'Save');

    await expectReloadAfter(reload, api.scaleDeployment, 4);
  });

  it('stops a deployment after asking', async () => {
    const api = createMockMlApi({
      stopDeployment: {
        ...churnDeployment,
        state: 'stopped',
      },
    });
    const { reload, rendered } = renderTab(api);
    await rendered;

    await userEvent.click(await findEnabledButton('Stop build 2'));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/answers no more requests/),
    ).toBeInTheDocument();
    await clickButtonIn(dialog, 'Stop');

    await expectReloadAfter(reload, api.stopDeployment);
  });

  it('shows the deployments to a viewer without replicas or stop', async () => {
    const api = createMockMlApi();
    await renderTab(api, 'viewer').rendered;

    await waitFor(() =>
      expect(screen.getAllByTitle(needsRole('operator'))).toHaveLength(2),
    );
    expect(
      screen.getByRole('button', { name: 'Change replicas of build 2' }),
    ).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Stop build 2' })).toBeDisabled();
  });
});
