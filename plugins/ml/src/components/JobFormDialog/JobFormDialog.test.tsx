import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMockMlApi,
  fillAndSubmit,
  renderWithMlApi,
  responseError,
} from '../../__testUtils__';
import {
  churnProject,
  fileEntry,
  page,
  pythonRuntime,
  smallProfile,
  trainJob,
} from '../../testing/fixtures';
import { JobFormDialog } from './JobFormDialog';

function setup() {
  const api = createMockMlApi({
    listRuntimes: page([pythonRuntime]),
    // Listed by name; the form offers the smallest first.
    listProfiles: page([
      { ...smallProfile, id: 'prof-2', name: 'large', cpu: 4, memoryMiB: 8192 },
      smallProfile,
    ]),
    listFiles: [
      fileEntry('src', 'directory'),
      fileEntry('src/train.py'),
      fileEntry('README.md'),
    ],
    getCronNextRuns: [
      '2026-01-13T03:00:00.000Z',
      '2026-01-14T03:00:00.000Z',
      '2026-01-15T03:00:00.000Z',
    ],
  });
  return api;
}

async function renderForm(
  api: ReturnType<typeof createMockMlApi>,
  props: Partial<Parameters<typeof JobFormDialog>[0]> = {},
) {
  const onSaved = jest.fn();
  await renderWithMlApi(
    <JobFormDialog
      open
      project={churnProject}
      jobs={[trainJob]}
      onClose={jest.fn()}
      onSaved={onSaved}
      {...props}
    />,
    { api },
  );
  return onSaved;
}

describe('JobFormDialog', () => {
  it('creates a scheduled job after showing when it will run', async () => {
    const api = setup();
    api.createJob.mockResolvedValue(trainJob);
    const onSaved = await renderForm(api);

    await userEvent.type(screen.getByLabelText('Name'), 'nightly');
    await userEvent.click(screen.getByLabelText('Script'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'src/train.py' }),
    );
    await userEvent.type(
      screen.getByLabelText('Arguments'),
      '--epochs 3 --note "a b"',
    );
    await userEvent.type(screen.getByLabelText('Retries'), '{backspace}2');
    await userEvent.click(screen.getByLabelText('Cron schedule'));
    await userEvent.type(screen.getByLabelText('Schedule'), '0 3 * * *');
    expect(await screen.findByText(/^Next runs: /)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    await fillAndSubmit({ 'Name 1': 'EPOCHS', 'Value 1': '3' }, 'Create');

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(trainJob));
    expect(api.createJob).toHaveBeenCalledWith(churnProject.id, {
      name: 'nightly',
      script: 'src/train.py',
      args: ['--epochs', '3', '--note', 'a b'],
      env: { EPOCHS: '3' },
      runtimeId: pythonRuntime.id,
      profile: 'small',
      maxRetries: 2,
      retryBackoffSeconds: 30,
      enabled: true,
      timezone: 'UTC',
      timeoutSeconds: undefined,
      schedule: '0 3 * * *',
      parentJobId: undefined,
    });
  });

  it('shows what the server refused under the field it names', async () => {
    const api = setup();
    api.createJob.mockRejectedValue(
      await responseError(
        400,
        "Invalid request body: script: no file 'gone.py' in this project",
      ),
    );
    const onSaved = await renderForm(api);

    await fillAndSubmit({ Name: 'broken', Script: 'gone.py' }, 'Create');

    const message = await screen.findByText(
      "no file 'gone.py' in this project",
    );
    expect(message).toHaveAttribute('id', 'ml-job-script-helper-text');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('edits a job: clears its schedule when it becomes a manual job', async () => {
    const api = setup();
    api.updateJob.mockResolvedValue(trainJob);
    const onSaved = await renderForm(api, { job: trainJob, jobs: [trainJob] });

    expect(screen.getByLabelText('Name')).toHaveValue('train');
    expect(screen.getByLabelText('Schedule')).toHaveValue('0 3 * * *');
    await userEvent.click(screen.getByLabelText('Manual'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.updateJob).toHaveBeenCalledWith(
      churnProject.id,
      trainJob.id,
      expect.objectContaining({
        schedule: null,
        parentJobId: null,
        timeoutSeconds: null,
        args: ['--epochs', '3'],
      }),
    );
    // A job cannot be its own parent.
    expect(screen.getByLabelText('After another job')).toBeDisabled();
  });

  it('checks required fields before calling the server', async () => {
    const api = setup();
    await renderForm(api);
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getByText('Name must not be empty')).toBeInTheDocument();
    expect(screen.getByText('Choose the file to run')).toBeInTheDocument();
    expect(api.createJob).not.toHaveBeenCalled();
  });
});
