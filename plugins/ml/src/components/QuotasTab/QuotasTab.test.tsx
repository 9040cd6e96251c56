import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMockMlApi,
  fillAndSubmit,
  renderWithMlApi,
} from '../../__testUtils__';
import { demoWorkspace, janeQuota, page } from '../../testing/fixtures';
import { QuotasTab } from './QuotasTab';

describe('QuotasTab', () => {
  it('shows the default quota and the quotas', async () => {
    const api = createMockMlApi({ listQuotas: page([janeQuota]) });
    await renderWithMlApi(
      <QuotasTab workspace={demoWorkspace} onWorkspaceChange={jest.fn()} />,
      { api },
    );

    expect(screen.getByText('2 vCPU · 8 GiB · 0 GPU')).toBeInTheDocument();
    const row = (await screen.findByText('user:default/jane')).closest('tr')!;
    expect(within(row).getByText('8 vCPU')).toBeInTheDocument();
    expect(within(row).getByText('32 GiB')).toBeInTheDocument();
  });

  it('saves the default user quota on the workspace', async () => {
    const api = createMockMlApi({ listQuotas: page([]) });
    const saved = {
      ...demoWorkspace,
      defaultUserQuota: { cpu: 4, memoryMiB: 8192, gpu: 0 },
    };
    api.updateWorkspace.mockResolvedValue(saved);
    const onWorkspaceChange = jest.fn();
    await renderWithMlApi(
      <QuotasTab
        workspace={demoWorkspace}
        onWorkspaceChange={onWorkspaceChange}
      />,
      { api },
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Edit default quota' }),
    );
    const cpu = screen.getByLabelText('CPU');
    expect(cpu).toHaveValue('2');
    expect(screen.getByLabelText('Memory')).toHaveValue('8Gi');
    await userEvent.clear(cpu);
    await userEvent.type(cpu, '4');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onWorkspaceChange).toHaveBeenCalledWith(saved));
    expect(api.updateWorkspace).toHaveBeenCalledWith('demo', {
      defaultUserQuota: { cpu: 4, memoryMiB: 8192, gpu: 0 },
    });
  });

  it('refuses a subject that is not an entity ref', async () => {
    const api = createMockMlApi({ listQuotas: page([]) });
    await renderWithMlApi(
      <QuotasTab workspace={demoWorkspace} onWorkspaceChange={jest.fn()} />,
      { api },
    );

    await userEvent.click(screen.getByRole('button', { name: 'New quota' }));
    await fillAndSubmit({ Subject: 'jane', CPU: '1', Memory: '1Gi' }, 'Create');

    expect(
      screen.getByText(/Subject must be a user or group ref/),
    ).toBeInTheDocument();
    expect(api.createQuota).not.toHaveBeenCalled();
  });
});
