import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlApiRef } from '../../api';
import {
  churnProject,
  createMockMlApi,
  demoWorkspace,
} from '../../testing/mockMlApi';
import { NewProjectDialog } from './NewProjectDialog';

const otherWorkspace = { ...demoWorkspace, name: 'gpu', title: 'GPU pool' };

function renderDialog(api = createMockMlApi(), onCreated = jest.fn()) {
  return renderInTestApp(
    <TestApiProvider apis={[[mlApiRef, api]]}>
      <NewProjectDialog
        open
        workspaces={[demoWorkspace, otherWorkspace]}
        onClose={jest.fn()}
        onCreated={onCreated}
      />
    </TestApiProvider>,
  );
}

describe('NewProjectDialog', () => {
  it('refuses a name that is not a DNS label without calling the API', async () => {
    const api = createMockMlApi();
    await renderDialog(api);

    await userEvent.type(screen.getByLabelText('Name'), 'Churn_Model');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(
      screen.getByText(/Name must use only lowercase letters/),
    ).toBeInTheDocument();
    expect(api.createProject).not.toHaveBeenCalled();
  });

  it('creates the project in the chosen workspace', async () => {
    const api = createMockMlApi();
    api.createProject.mockResolvedValue(churnProject);
    const onCreated = jest.fn();
    await renderDialog(api, onCreated);

    await userEvent.type(screen.getByLabelText('Name'), 'churn');
    await userEvent.type(screen.getByLabelText('Title'), 'Churn model');
    await userEvent.selectOptions(screen.getByLabelText('Workspace'), 'gpu');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(churnProject));
    expect(api.createProject).toHaveBeenCalledWith({
      workspace: 'gpu',
      name: 'churn',
      title: 'Churn model',
      description: '',
      visibility: 'private',
    });
  });

  it('shows what the server refused', async () => {
    const api = createMockMlApi();
    api.createProject.mockRejectedValue(
      new Error('name: a project "churn" already exists in workspace "demo"'),
    );
    const onCreated = jest.fn();
    await renderDialog(api, onCreated);

    await userEvent.type(screen.getByLabelText('Name'), 'churn');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'already exists',
    );
    expect(api.createProject).toHaveBeenCalledWith(
      expect.objectContaining({ workspace: 'demo' }),
    );
    expect(onCreated).not.toHaveBeenCalled();
  });
});
