import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMockMlApi,
  fillAndSubmit,
  renderWithMlApi,
} from '../../__testUtils__';
import {
  churnProject,
  page,
  pythonRuntime,
  runningSession,
  smallProfile,
} from '../../testing/fixtures';
import { NewSessionDialog } from './NewSessionDialog';

const largeProfile = {
  ...smallProfile,
  id: 'prof-2',
  name: 'large',
  cpu: 4,
  memoryMiB: 8192,
};

function setup() {
  const api = createMockMlApi({
    listRuntimes: page([pythonRuntime]),
    listProfiles: page([largeProfile, smallProfile]),
    // Jane may use 8 vCPU and uses 6: 2 are left.
    getProjectQuota: {
      subject: 'user:default/jane',
      limit: { cpu: 8, memoryMiB: 32768, gpu: 0 },
      used: { cpu: 6, memoryMiB: 8192, gpu: 0 },
    },
  });
  return api;
}

async function renderDialog(
  api: ReturnType<typeof createMockMlApi>,
  onStarted = jest.fn(),
) {
  await renderWithMlApi(
    <NewSessionDialog
      open
      project={churnProject}
      onClose={jest.fn()}
      onStarted={onStarted}
    />,
    { api },
  );
}

describe('NewSessionDialog', () => {
  it('marks the profile that does not fit the quota left', async () => {
    const api = setup();
    await renderDialog(api);

    expect(
      await screen.findByRole('option', {
        name: /^large .* would wait: needs 4 vCPU, 2 left$/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('option', { name: /^small .* fits$/ }),
    ).toBeInTheDocument();
    // The smallest profile that fits is preselected.
    expect(screen.getByLabelText('Profile')).toHaveValue('small');
    expect(
      screen.getByText('Quota of user:default/jane: fits'),
    ).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Profile'), 'large');
    expect(
      screen.getByText(
        'Quota of user:default/jane: would wait: needs 4 vCPU, 2 left',
      ),
    ).toBeInTheDocument();
    expect(api.listRuntimes).toHaveBeenCalledWith(
      expect.objectContaining({ enabled: true }),
    );
  });

  it('starts the session with the runtime, profile and name chosen', async () => {
    const api = setup();
    api.launchSession.mockResolvedValue(runningSession);
    const onStarted = jest.fn();
    await renderDialog(api, onStarted);

    await screen.findByRole('option', { name: /^small/ });
    await fillAndSubmit({ Name: 'Exploration' }, 'Start');

    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(runningSession));
    expect(api.launchSession).toHaveBeenCalledWith(churnProject.id, {
      runtimeId: pythonRuntime.id,
      profile: 'small',
      name: 'Exploration',
    });
  });

  it('shows a refusal under the field it names', async () => {
    const api = setup();
    api.launchSession.mockRejectedValue(
      new Error("profile: no resource profile 'small' in workspace 'demo'"),
    );
    await renderDialog(api);

    await screen.findByRole('option', { name: /^small/ });
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));

    expect(
      await screen.findByText(
        "no resource profile 'small' in workspace 'demo'",
      ),
    ).toBeInTheDocument();
  });
});
