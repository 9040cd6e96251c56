import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMockMlApi,
  renderWithMlApi,
  responseError,
} from '../../__testUtils__';
import {
  churnBuild,
  churnDeployment,
  churnModel,
  churnPrediction,
  churnProject,
} from '../../testing/fixtures';
import { ModelTestPanel } from './ModelTestPanel';

function renderPanel(
  api: ReturnType<typeof createMockMlApi>,
  deployments = [churnDeployment],
) {
  return renderWithMlApi(
    <ModelTestPanel
      project={churnProject}
      state={{
        model: churnModel,
        builds: [churnBuild],
        deployments,
        reload: jest.fn(),
      }}
    />,
    { api },
  );
}

const requestField = () =>
  screen.getByRole('textbox', {
    name: 'Request (JSON)',
  }) as HTMLTextAreaElement;

describe('ModelTestPanel', () => {
  it("sends the build's first example and shows the answer, uuid, replica and timing", async () => {
    const api = createMockMlApi({ predict: churnPrediction });
    await renderPanel(api);

    expect(JSON.parse(requestField().value)).toEqual({
      tenure: 3,
      plan: 'basic',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Test' }));

    expect(await screen.findByText('Success')).toBeInTheDocument();
    expect(api.predict).toHaveBeenCalledWith(churnProject.id, churnModel.id, {
      tenure: 3,
      plan: 'basic',
    });
    expect(screen.getByLabelText('Response JSON')).toHaveTextContent(
      '"churn": 0.77',
    );
    expect(screen.getByText(churnPrediction.uuid)).toBeInTheDocument();
    expect(screen.getByText('3.2 ms')).toBeInTheDocument();
    expect(screen.getByText('4.9 ms')).toBeInTheDocument();
  });

  it("shows the model function's exception with the replica that raised it", async () => {
    const api = createMockMlApi({
      predict: {
        success: false,
        error: { name: 'ValueError', message: 'tenure must be positive' },
        uuid: '11111111-2222-4333-8444-555555555555',
        replica: 0,
        timing: { modelMs: 0.4, totalMs: 1.1 },
      },
    });
    await renderPanel(api);
    await userEvent.click(screen.getByRole('button', { name: 'Test' }));

    expect(
      await screen.findByText('ValueError: tenure must be positive'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The model function raised an error'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('11111111-2222-4333-8444-555555555555'),
    ).toBeInTheDocument();
  });

  it('says what is wrong with a request that is not JSON, without sending it', async () => {
    const api = createMockMlApi();
    await renderPanel(api);
    fireEvent.change(requestField(), { target: { value: '{"tenure": ' } });
    await userEvent.click(screen.getByRole('button', { name: 'Test' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /The request is not JSON/,
    );
    expect(api.predict).not.toHaveBeenCalled();
  });

  it('shows why the platform refused the request', async () => {
    const api = createMockMlApi();
    api.predict.mockRejectedValue(
      await responseError(429, 'model.busy: every replica is busy', 'Error'),
    );
    await renderPanel(api);
    await userEvent.click(screen.getByRole('button', { name: 'Test' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'model.busy: every replica is busy',
    );
  });

  it('cannot test a model that is not deployed', async () => {
    const api = createMockMlApi();
    await renderWithMlApi(
      <ModelTestPanel
        project={churnProject}
        state={{
          model: { ...churnModel, activeDeploymentId: undefined },
          builds: [churnBuild],
          deployments: [],
          reload: jest.fn(),
        }}
      />,
      { api },
    );
    expect(screen.getByText(/not deployed/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Test' })).toBeDisabled();
  });
});
