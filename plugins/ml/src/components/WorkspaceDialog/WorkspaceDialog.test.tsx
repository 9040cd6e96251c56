import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMockMlApi,
  renderWithMlApi,
  responseError,
} from '../../__testUtils__';
import { demoWorkspace } from '../../testing/fixtures';
import { WorkspaceDialog } from './WorkspaceDialog';

async function renderDialog(
  api: ReturnType<typeof createMockMlApi>,
  workspace?: typeof demoWorkspace,
) {
  const onSaved = jest.fn();
  await renderWithMlApi(
    <WorkspaceDialog
      open
      workspace={workspace}
      onClose={jest.fn()}
      onSaved={onSaved}
    />,
    { api },
  );
  return onSaved;
}

async function fill(label: string, value: string) {
  await userEvent.clear(screen.getByLabelText(label));
  await userEvent.type(screen.getByLabelText(label), value);
}

describe('WorkspaceDialog', () => {
  it('creates a workspace with its node groups and default user quota', async () => {
    const api = createMockMlApi({ createWorkspace: demoWorkspace });
    const onSaved = await renderDialog(api);

    await fill('Name', 'gpu-lab');
    await fill('Title', 'GPU lab');
    await fill('Owner', 'group:default/ml-platform');
    await fill('Node group 1 Name', 'cpu');
    await userEvent.click(
      screen.getByRole('button', { name: 'Add node group' }),
    );
    await fill('Node group 2 Name', 'a100');
    await fill('Node group 2 vCPU', '16');
    await fill('Node group 2 Memory', '128Gi');
    await fill('Node group 2 GPU', '2');
    await fill('Node group 2 Min nodes', '0');
    await fill('Node group 2 Max nodes', '4');
    await fill('Node group 2 Scale-up delay (s)', '120');
    await fill('Quota vCPU', '500m');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(demoWorkspace));
    expect(api.createWorkspace).toHaveBeenCalledWith({
      name: 'gpu-lab',
      title: 'GPU lab',
      description: '',
      owner: 'group:default/ml-platform',
      nodeGroups: [
        {
          name: 'cpu',
          cpu: 4,
          memoryMiB: 16384,
          gpu: 0,
          minNodes: 0,
          maxNodes: 3,
          scaleUpDelaySeconds: 30,
        },
        {
          name: 'a100',
          cpu: 16,
          memoryMiB: 131072,
          gpu: 2,
          minNodes: 0,
          maxNodes: 4,
          scaleUpDelaySeconds: 120,
        },
      ],
      defaultUserQuota: { cpu: 0.5, memoryMiB: 8192, gpu: 0 },
    });
  });

  it('does not send an invalid form, and shows what the server refused', async () => {
    const api = createMockMlApi();
    api.createWorkspace.mockRejectedValue(
      await responseError(409, "A workspace named 'demo' already exists"),
    );
    await renderDialog(api);

    await fill('Name', 'Demo!');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(
      screen.getByText(/Name must use only lowercase letters/),
    ).toBeInTheDocument();
    expect(screen.getByText('must not be empty')).toBeInTheDocument();
    expect(api.createWorkspace).not.toHaveBeenCalled();

    await fill('Name', 'demo');
    await fill('Node group 1 Name', 'cpu');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "A workspace named 'demo' already exists",
    );
  });

  it('edits the details and node groups of a workspace', async () => {
    const api = createMockMlApi({ updateWorkspace: demoWorkspace });
    const onSaved = await renderDialog(api, demoWorkspace);

    expect(screen.queryByLabelText('Name')).not.toBeInTheDocument();
    await fill('Description', 'Bigger now');
    await fill('Node group 1 Max nodes', '5');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.updateWorkspace).toHaveBeenCalledWith('demo', {
      title: 'Demo workspace',
      description: 'Bigger now',
      owner: 'group:default/ml-platform',
      nodeGroups: [{ ...demoWorkspace.nodeGroups[0], maxNodes: 5 }],
    });
  });
});
