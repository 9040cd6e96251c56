import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  clickButtonIn,
  createMockMlApi,
  renderWithMlApi,
  TestProjectRole,
  typeIntoTextboxes,
} from '../../__testUtils__';
import { churnKey, churnModel, churnProject } from '../../testing/fixtures';
import { ModelAccessKeys } from './ModelAccessKeys';

function renderKeys(
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
) {
  return renderWithMlApi(
    <ModelAccessKeys project={churnProject} model={churnModel} />,
    { api, projectRole: role },
  );
}

describe('ModelAccessKeys', () => {
  it('lists keys masked and shows a new key once', async () => {
    const api = createMockMlApi({
      listAccessKeys: [churnKey],
      createAccessKey: {
        ...churnKey,
        id: 'k2',
        name: 'batch',
        masked: 'mk_77aa…',
        key: 'mk_77aa0123456789abcdef',
      },
    });
    await renderKeys(api);

    expect(await screen.findByText('mk_3f9a…')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'New key' }));
    const dialog = await screen.findByRole('dialog');
    await typeIntoTextboxes(dialog, { Name: 'batch' });
    await clickButtonIn(dialog, 'Create');

    expect(
      await within(dialog).findByText(/It is not shown again/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(dialog).toHaveTextContent('mk_77aa0123456789abcdef'),
    );
    expect(api.createAccessKey).toHaveBeenCalledWith(
      churnProject.id,
      churnModel.id,
      'batch',
    );
    // The list reloads; the whole key appears nowhere but in the dialog.
    await waitFor(() => expect(api.listAccessKeys).toHaveBeenCalledTimes(2));
    await clickButtonIn(dialog, 'Done');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(document.body).not.toHaveTextContent('mk_77aa0123456789abcdef');
  });

  it('revokes a key after asking', async () => {
    const api = createMockMlApi({ listAccessKeys: [churnKey] });
    api.revokeAccessKey.mockResolvedValue();
    await renderKeys(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Revoke crm' }),
    );
    const dialog = await screen.findByRole('dialog');
    await clickButtonIn(dialog, 'Revoke');

    await waitFor(() =>
      expect(api.revokeAccessKey).toHaveBeenCalledWith(
        churnProject.id,
        churnModel.id,
        churnKey.id,
      ),
    );
  });

  it('does not list keys for an operator, and says why', async () => {
    const api = createMockMlApi();
    await renderKeys(api, 'operator');

    expect(
      await screen.findByText(
        /Access keys need the contributor role on this project/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'New key' }),
    ).not.toBeInTheDocument();
    expect(api.listAccessKeys).not.toHaveBeenCalled();
  });
});
