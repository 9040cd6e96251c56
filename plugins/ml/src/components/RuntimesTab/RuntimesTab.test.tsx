import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import { page, pythonRuntime } from '../../testing/fixtures';
import { RuntimesTab } from './RuntimesTab';

const label = 'Workbench Python 3.11 Standard 2026.01.2';

async function renderTab(api: ReturnType<typeof createMockMlApi>) {
  await renderWithMlApi(<RuntimesTab />, { api });
}

describe('RuntimesTab', () => {
  it('lists only the latest versions until asked for all', async () => {
    const api = createMockMlApi({ listRuntimes: page([pythonRuntime]) });
    await renderTab(api);

    expect(await screen.findByText('2026.01.2')).toBeInTheDocument();
    expect(api.listRuntimes).toHaveBeenLastCalledWith(
      expect.objectContaining({ all: false }),
    );

    await userEvent.click(screen.getByLabelText('Show all versions'));

    await waitFor(() =>
      expect(api.listRuntimes).toHaveBeenLastCalledWith(
        expect.objectContaining({ all: true }),
      ),
    );
  });

  it('disables a runtime', async () => {
    const api = createMockMlApi();
    api.listRuntimes
      .mockResolvedValueOnce(page([pythonRuntime]))
      .mockResolvedValue(page([{ ...pythonRuntime, enabled: false }]));
    api.updateRuntime.mockResolvedValue({ ...pythonRuntime, enabled: false });
    await renderTab(api);

    const toggle = await screen.findByLabelText(`Enable ${label}`);
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);

    expect(api.updateRuntime).toHaveBeenCalledWith('rt-1', { enabled: false });
    await waitFor(() =>
      expect(screen.getByLabelText(`Enable ${label}`)).not.toBeChecked(),
    );
  });

  it('reports a refused toggle', async () => {
    const api = createMockMlApi({ listRuntimes: page([pythonRuntime]) });
    api.updateRuntime.mockRejectedValue(new Error('runtime is the default'));
    await renderTab(api);

    await userEvent.click(await screen.findByLabelText(`Enable ${label}`));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'runtime is the default',
    );
  });
});
