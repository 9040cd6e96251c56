import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PathDialog } from './PathDialog';
import { fillAndSubmit } from '../../__testUtils__';

describe('PathDialog', () => {
  it('submits a normalised path', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const onClose = jest.fn();
    render(
      <PathDialog
        open
        title="New file"
        submitLabel="Create"
        initialPath="src/"
        onSubmit={onSubmit}
        onClose={onClose}
      />,
    );
    await fillAndSubmit({ Path: '/eval.py' }, 'Create');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith('src/eval.py');
  });

  it('refuses paths that leave the project', async () => {
    const onSubmit = jest.fn();
    render(
      <PathDialog
        open
        title="Rename"
        submitLabel="Rename"
        initialPath="../secrets"
        onSubmit={onSubmit}
        onClose={jest.fn()}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));
    expect(screen.getByRole('alert')).toHaveTextContent('no ".."');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
