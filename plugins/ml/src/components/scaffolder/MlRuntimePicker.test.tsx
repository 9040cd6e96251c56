import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockMlApi } from '../../__testUtils__';
import { page, pythonRuntime } from '../../testing/fixtures';
import { MlRuntimePicker } from './MlRuntimePicker';
import { renderField } from './__testUtils__/renderField';

describe('MlRuntimePicker', () => {
  it('asks for enabled runtimes only, shows none that is disabled, and returns the id', async () => {
    const api = createMockMlApi();
    const r = { ...pythonRuntime, id: 'rt-2', kernel: 'R 4.3', enabled: true };
    api.listRuntimes.mockResolvedValue(
      page([
        pythonRuntime,
        r,
        { ...pythonRuntime, id: 'rt-3', kernel: 'Old', enabled: false },
      ]),
    );
    const onChange = await renderField(MlRuntimePicker, {
      api,
      title: 'Runtime',
    });

    expect(
      await screen.findByRole('option', {
        name: 'Workbench Python 3.11 Standard 2026.01.2',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Old/ })).toBeNull();
    expect(api.listRuntimes).toHaveBeenCalledWith(
      expect.objectContaining({ enabled: true }),
    );
    await userEvent.selectOptions(screen.getByLabelText(/Runtime/), 'rt-2');
    expect(onChange).toHaveBeenLastCalledWith('rt-2');
  });
});
