import { render, screen, waitFor } from '@testing-library/react';
import { ResourceDialog } from './ResourceDialog';
import { fillAndSubmit } from '../../__testUtils__';

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

    await fillAndSubmit(
      { Subject: 'user:default/jane', CPU: '500m', Memory: '2Gi' },
      'Create',
    );

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

    await fillAndSubmit({ CPU: 'lots', Memory: '0' }, 'Create');

    expect(
      screen.getByText(/CPU must be a number of vCPU/),
    ).toBeInTheDocument();
    expect(screen.getByText('Memory must be more than 0')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
