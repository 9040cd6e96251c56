import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfirmDialog } from './ConfirmDialog';

describe('ConfirmDialog', () => {
  it('closes after the action succeeds', async () => {
    const onConfirm = jest.fn().mockResolvedValue(undefined);
    const onClose = jest.fn();
    render(
      <ConfirmDialog
        open
        title="Delete x?"
        onConfirm={onConfirm}
        onClose={onClose}
      >
        Gone for good.
      </ConfirmDialog>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('stays open and shows why the action failed', async () => {
    const onClose = jest.fn();
    render(
      <ConfirmDialog
        open
        title="Delete x?"
        onConfirm={() => Promise.reject(new Error('workspace has projects'))}
        onClose={onClose}
      >
        Gone for good.
      </ConfirmDialog>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'workspace has projects',
    );
    expect(onClose).not.toHaveBeenCalled();
  });
});
