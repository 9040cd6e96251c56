import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fillAndSubmit } from '../../__testUtils__';
import { EnvVarsEditor, EnvVarsEditorProps } from './EnvVarsEditor';
import { secretsToReenter } from './envRows';

/** Renders the editor on `env` with a Save button; returns its onSave. */
async function renderEditor(
  env: EnvVarsEditorProps['env'],
  onSave = jest.fn().mockResolvedValue(undefined),
) {
  await renderInTestApp(
    <EnvVarsEditor title="Environment" env={env} onSave={onSave} />,
  );
  return onSave;
}

describe('EnvVarsEditor', () => {
  it('adds, edits and removes variables, then saves them all', async () => {
    const onSave = await renderEditor({ MODEL: 'xgb', OLD: '1' });

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
    const onSave = await renderEditor({ A: '1' }, jest.fn());

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
    await renderEditor(
      {},
      jest.fn().mockRejectedValue(new Error('env: at most 200 variables')),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    await fillAndSubmit({ 'Name 1': 'X' }, 'Save');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'env: at most 200 variables',
    );
  });

  describe('secrets', () => {
    it('shows a stored secret masked and not editable, and keeps it when other variables are saved', async () => {
      const onSave = await renderEditor({
        TOKEN: { secret: true },
        MODEL: 'xgb',
      });
      expect(screen.getByLabelText('Name 1')).toHaveValue('TOKEN');
      expect(screen.getByLabelText('Name 1')).toBeDisabled();
      expect(screen.getByLabelText('Value 1')).toHaveValue('••••••••');
      expect(screen.getByLabelText('Value 1')).toBeDisabled();
      expect(screen.getByLabelText('Secret TOKEN')).toBeChecked();
      expect(screen.getByLabelText('Secret MODEL')).not.toBeChecked();

      await userEvent.clear(screen.getByLabelText('Value 2'));
      await fillAndSubmit({ 'Value 2': 'lgbm' }, 'Save');
      await waitFor(() =>
        expect(onSave).toHaveBeenCalledWith({
          TOKEN: { secret: true },
          MODEL: 'lgbm',
        }),
      );
    });

    it('replaces a stored secret with a new value typed like a password', async () => {
      const onSave = await renderEditor({ TOKEN: { secret: true } });
      await userEvent.click(
        screen.getByRole('button', { name: 'Replace secret TOKEN' }),
      );
      const value = screen.getByLabelText('Value 1');
      expect(value).toHaveAttribute('type', 'password');
      expect(value).toHaveValue('');
      expect(screen.getByText("Enter the secret's value")).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
      await userEvent.type(value, 'new-token');
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() =>
        expect(onSave).toHaveBeenCalledWith({
          TOKEN: { secret: true, value: 'new-token' },
        }),
      );
    });

    it('marks a new variable secret, and a stored secret made plain starts empty', async () => {
      const onSave = await renderEditor({ OLD: { secret: true } });
      await userEvent.click(
        screen.getByRole('button', { name: 'Add variable' }),
      );
      await userEvent.type(screen.getByLabelText('Name 2'), 'API_KEY');
      await userEvent.type(screen.getByLabelText('Value 2'), 'k-123');
      expect(screen.getByLabelText('Value 2')).toHaveAttribute('type', 'text');
      await userEvent.click(screen.getByLabelText('Secret API_KEY'));
      expect(screen.getByLabelText('Value 2')).toHaveAttribute(
        'type',
        'password',
      );

      await userEvent.click(screen.getByLabelText('Secret OLD'));
      expect(screen.getByLabelText('Value 1')).toHaveValue('');
      expect(screen.getByLabelText('Value 1')).not.toBeDisabled();
      await fillAndSubmit({ 'Value 1': 'now-plain' }, 'Save');
      await waitFor(() =>
        expect(onSave).toHaveBeenCalledWith({
          OLD: 'now-plain',
          API_KEY: { secret: true, value: 'k-123' },
        }),
      );
    });

    it('asks again for the secrets of variables copied from elsewhere', async () => {
      const onChange = jest.fn();
      await renderInTestApp(
        <EnvVarsEditor
          title="Environment"
          env={{ TOKEN: { secret: true }, MODEL: 'xgb' }}
          keepsSecrets={false}
          onChange={onChange}
        />,
      );
      expect(
        screen.getByText('Secrets are not copied: enter its value again'),
      ).toBeInTheDocument();
      const value = screen.getByLabelText('Value 1');
      expect(value).toHaveAttribute('type', 'password');
      await userEvent.type(value, 't');
      expect(onChange).toHaveBeenLastCalledWith(
        { TOKEN: { secret: true, value: 't' }, MODEL: 'xgb' },
        true,
      );
      await userEvent.clear(value);
      expect(onChange).toHaveBeenLastCalledWith(
        { TOKEN: { secret: true, value: '' }, MODEL: 'xgb' },
        false,
      );
    });
  });

  it('finds the secrets a form must have typed again', () => {
    expect(
      secretsToReenter({
        A: 'plain',
        B: { secret: true },
        C: { secret: true, value: 'typed' },
      }),
    ).toEqual(['B']);
  });
});
