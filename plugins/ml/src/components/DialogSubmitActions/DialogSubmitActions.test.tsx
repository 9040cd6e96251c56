import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DialogSubmitActions } from './DialogSubmitActions';

describe('DialogSubmitActions', () => {
  it('submits the form and cancels', async () => {
    const onSubmit = jest.fn((e: { preventDefault: () => void }) =>
      e.preventDefault(),
    );
    const onCancel = jest.fn();
    render(
      <form onSubmit={onSubmit}>
        <DialogSubmitActions
          submitLabel="Create"
          busy={false}
          onCancel={onCancel}
        />
      </form>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('disables both while busy and submit when told', () => {
    const { rerender } = render(
      <DialogSubmitActions submitLabel="Save" busy onCancel={jest.fn()} />,
    );
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    rerender(
      <DialogSubmitActions
        submitLabel="Save"
        busy={false}
        submitDisabled
        onCancel={jest.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  });
});
