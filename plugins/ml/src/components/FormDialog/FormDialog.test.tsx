import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormDialog } from './FormDialog';

describe('FormDialog', () => {
  it('names the dialog by its title and submits on the submit button', async () => {
    const onSubmit = jest.fn(e => e.preventDefault());
    const onClose = jest.fn();
    render(
      <FormDialog
        open
        onClose={onClose}
        titleId="test-title"
        title="New thing"
        submitLabel="Create"
        form={{ busy: false, handleSubmit: onSubmit }}
      >
        <input aria-label="Name" />
      </FormDialog>,
    );
    expect(screen.getByRole('dialog', { name: 'New thing' })).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows the error above the fields and disables both buttons while busy', () => {
    render(
      <FormDialog
        open
        onClose={jest.fn()}
        title="New thing"
        form={{
          busy: true,
          generalError: 'name is taken',
          handleSubmit: jest.fn(),
        }}
        submitLabel="Create"
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('name is taken');
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  });
});
