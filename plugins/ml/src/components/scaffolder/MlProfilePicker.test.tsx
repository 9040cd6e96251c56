import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockMlApi } from '../../__testUtils__';
import { demoWorkspace, page, smallProfile } from '../../testing/fixtures';
import { MlProfilePicker } from './MlProfilePicker';
import { renderField } from './__testUtils__/renderField';

const huge = {
  ...smallProfile,
  id: 'prof-9',
  name: 'huge',
  cpu: 16,
  memoryMiB: 65536,
};
const medium = {
  ...smallProfile,
  id: 'prof-2',
  name: 'medium',
  cpu: 2,
  memoryMiB: 4096,
};

describe('MlProfilePicker', () => {
  it('offers the profiles of the workspace in the form that fit its nodes', async () => {
    const api = createMockMlApi({
      getWorkspace: demoWorkspace,
      listProfiles: page([huge, medium, smallProfile]),
    });
    const onChange = await renderField(MlProfilePicker, {
      api,
      title: 'Profile',
      formData: { ws: 'demo' },
      uiOptions: { workspaceField: 'ws' },
    });

    expect(
      await screen.findByRole('option', { name: 'small (1 vCPU, 2 GiB)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('option', { name: 'medium (2 vCPU, 4 GiB)' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /huge/ })).toBeNull();
    expect(api.listProfiles).toHaveBeenCalledWith('demo', expect.anything());
    await userEvent.selectOptions(screen.getByLabelText(/Profile/), 'medium');
    expect(onChange).toHaveBeenLastCalledWith('medium');
  });

  it('asks for a workspace first and reads nothing without one', async () => {
    const api = createMockMlApi();
    await renderField(MlProfilePicker, { api, title: 'Profile', formData: {} });
    expect(
      await screen.findByText('Choose a workspace first.'),
    ).toBeInTheDocument();
    expect(api.listProfiles).not.toHaveBeenCalled();
  });
});
