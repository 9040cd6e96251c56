import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceDialog } from './ResourceDialog';

describe('ResourceDialog', () => {
  it('converts quantities to vCPU and MiB', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const onClose = jest.fn();
    render(
      <ResourceDialog
        open
        title="New quota"
        submitLabel="Create"
        keyField={{
          label: 'Subject',
          helperText: 'user:default/jane',
          validate: v => (v.includes(':') ? undefined : 'Subject is not a ref'),
        }}
        onSubmit={onSubmit}
        onClose={onClose}
      />,
    );

    await userEvent.type(screen.getByLabelText('Subject'), 'user:default/jane');
    await userEvent.type(screen.getByLabelText('CPU'), '500m');
    await userEvent.type(screen.getByLabelText('Memory'), '2Gi');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith({
      key: 'user:default/jane',
      description: '',
      cpu: 0.5,
      memoryMiB: 2048,
      gpu: 0,
    });
  });

  it('names the fields that are wrong', async () => {
    const onSubmit = jest.fn();
    render(
      <ResourceDialog
        open
        title="New profile"
        submitLabel="Create"
        requirePositive
        onSubmit={onSubmit}
        onClose={jest.fn()}
      />,
    );

    await userEvent.type(screen.getByLabelText('CPU'), 'lots');
    await userEvent.type(screen.getByLabelText('Memory'), '0');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(
      screen.getByText(/CPU must be a number of vCPU/),
    ).toBeInTheDocument();
    expect(screen.getByText('Memory must be more than 0')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
