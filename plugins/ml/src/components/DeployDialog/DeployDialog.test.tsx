import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  launchChoices,
  createMockMlApi,
  fillAndSubmit,
  renderWithMlApi,
} from '../../__testUtils__';
import {
  churnBuild,
  churnDeployment,
  churnModel,
  churnProject,
} from '../../testing/fixtures';
import { DeployDialog } from './DeployDialog';

describe('DeployDialog', () => {
  it('starts from the serving deployment but asks for its secrets again', async () => {
    const api = createMockMlApi({
      ...launchChoices(),
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

    await fillAndSubmit({ 'Value 1': 'tok-1' }, 'Deploy');
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
