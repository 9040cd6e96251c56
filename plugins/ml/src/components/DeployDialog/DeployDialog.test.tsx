import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  churnProject,
  createMockMlApi,
  page,
  pythonRuntime,
  smallProfile,
} from '../../testing/mockMlApi';
import {
  churnBuild,
  churnDeployment,
  churnModel,
} from '../../testing/mockModelsApi';
import { DeployDialog } from './DeployDialog';
import { renderWithMlApi } from '../../testing/renderWithMlApi';

describe('DeployDialog', () => {
  it('starts from the serving deployment but asks for its secrets again', async () => {
    const api = createMockMlApi({
      listFiles: [],
      listRuntimes: page([pythonRuntime]),
      listProfiles: page([smallProfile]),
      createDeployment: churnDeployment,
    });
    const onDeployed = jest.fn();
    await renderWithMlApi(
      <DeployDialog
        build={churnBuild}
        project={churnProject}
        model={churnModel}
        current={{
          ...churnDeployment,
          env: { TOKEN: { secret: true }, LEVEL: 'replica' },
        }}
        onClose={jest.fn()}
        onDeployed={onDeployed}
      />,
      { api },
    );

    expect(
      await screen.findByText('Secrets are not copied: enter its value again'),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.listProfiles).toHaveBeenCalled());
    await userEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    expect(api.createDeployment).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Value 1'), 'tok-1');
    await userEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    await waitFor(() =>
      expect(api.createDeployment).toHaveBeenCalledWith(
        churnProject.id,
        churnModel.id,
        expect.objectContaining({
          env: { TOKEN: { secret: true, value: 'tok-1' }, LEVEL: 'replica' },
        }),
      ),
    );
    expect(onDeployed).toHaveBeenCalledWith(churnDeployment);
  });
});
