import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockMlApi } from '../../__testUtils__';
import { demoWorkspace, page } from '../../testing/fixtures';
import { MlWorkspacePicker } from './MlWorkspacePicker';
import { renderField } from './__testUtils__/renderField';

describe('MlWorkspacePicker', () => {
  it('offers the workspaces and returns the chosen name', async () => {
    const api = createMockMlApi({
      listWorkspaces: page([
        demoWorkspace,
        { ...demoWorkspace, name: 'gpu', title: 'gpu' },
      ]),
    });
    const onChange = await renderField(MlWorkspacePicker, {
      api,
      title: 'Workspace',
    });

    expect(
      await screen.findByRole('option', { name: 'Demo workspace (demo)' }),
    ).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText(/Workspace/), 'gpu');
    expect(onChange).toHaveBeenLastCalledWith('gpu');
  });

  it('says so when there is no workspace', async () => {
    const api = createMockMlApi({ listWorkspaces: page([]) });
    await renderField(MlWorkspacePicker, { api, title: 'Workspace' });
    expect(
      await screen.findByText(/There is no ML workspace yet/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Workspace/)).toBeDisabled();
  });

  it('shows why the choices could not be loaded', async () => {
    const api = createMockMlApi();
    api.listWorkspaces.mockRejectedValue(new Error('backend down'));
    await renderField(MlWorkspacePicker, { api, title: 'Workspace' });
    expect(
      await screen.findByText(/Could not load the choices: .*backend down/),
    ).toBeInTheDocument();
  });
});
