import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EnvVarsEditor } from './EnvVarsEditor';

describe('EnvVarsEditor', () => {
  it('adds, edits and removes variables, then saves them all', async () => {
    const onSave = jest.fn().mockResolvedValue(undefined);
    await renderInTestApp(
      <EnvVarsEditor
        title="Environment"
        env={{ MODEL: 'xgb', OLD: '1' }}
        onSave={onSave}
      />,
    );

    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();

    await userEvent.clear(screen.getByLabelText('Value 1'));
    await userEvent.type(screen.getByLabelText('Value 1'), 'lgbm');
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove variable OLD' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    await userEvent.type(screen.getByLabelText('Name 2'), 'EPOCHS');
    await userEvent.type(screen.getByLabelText('Value 2'), '10');
    await userEvent.click(save);

    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ MODEL: 'lgbm', EPOCHS: '10' }),
    );
    expect(await screen.findByText('Environment saved.')).toBeInTheDocument();
  });

  it('blocks invalid and duplicate names', async () => {
    const onSave = jest.fn();
    await renderInTestApp(
      <EnvVarsEditor title="Environment" env={{ A: '1' }} onSave={onSave} />,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    await userEvent.type(screen.getByLabelText('Name 2'), 'A');
    expect(screen.getAllByText('Defined twice')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();

    await userEvent.clear(screen.getByLabelText('Name 2'));
    await userEvent.type(screen.getByLabelText('Name 2'), '1X');
    expect(screen.getByText(/not starting with a digit/)).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows why the save failed', async () => {
    const onSave = jest
      .fn()
      .mockRejectedValue(new Error('env: at most 200 variables'));
    await renderInTestApp(
      <EnvVarsEditor title="Environment" env={{}} onSave={onSave} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    await userEvent.type(screen.getByLabelText('Name 1'), 'X');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'env: at most 200 variables',
    );
  });
});
