import { render, screen, waitFor } from '@testing-library/react';
import { fillAndSubmit } from '../../__testUtils__';
import { pythonRuntime } from '../../testing/fixtures';
import { RuntimeDialog } from './RuntimeDialog';

describe('RuntimeDialog', () => {
  it('needs an image or a command', async () => {
    const onSubmit = jest.fn();
    render(<RuntimeDialog open onSubmit={onSubmit} onClose={jest.fn()} />);

    await fillAndSubmit(
      { Kernel: 'R 4.4', 'Short version': '2026.01' },
      'Create',
    );

    expect(
      screen.getByText(/Give an image \(Kubernetes\) or a command/),
    ).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    await fillAndSubmit({ Command: 'Rscript' }, 'Create');

    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        editor: 'Workbench',
        kernel: 'R 4.4',
        edition: 'Standard',
        shortVersion: '2026.01',
        maintenanceVersion: 1,
        description: '',
        image: undefined,
        command: 'Rscript',
      }),
    );
  });

  it('keeps the identity of an existing runtime fixed', () => {
    render(
      <RuntimeDialog
        open
        runtime={pythonRuntime}
        onSubmit={jest.fn()}
        onClose={jest.fn()}
      />,
    );
    expect(screen.getByLabelText('Kernel')).toBeDisabled();
    expect(screen.getByLabelText('Kernel')).toHaveValue('Python 3.11');
    expect(screen.getByLabelText('Command')).toBeEnabled();
  });
});
