import { screen, within } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { mlflowApiRef } from '../../../api';
import {
  createMockMlflowApi,
  mlflowModelVersion,
  mlflowRegisteredModel,
  renderWithMlApi,
} from '../../../__testUtils__';
import { errorResponse } from '../../../__testUtils__/responses';
import { projectSlug } from '../../../lib/projectSlug';
import { churnProject } from '../../../testing/fixtures';
import { ProjectRegistryTab } from './ProjectRegistryTab';

function renderTab(mlflow: ReturnType<typeof createMockMlflowApi>) {
  return renderWithMlApi(<ProjectRegistryTab project={churnProject} />, {
    apis: [[mlflowApiRef, mlflow]],
  });
}

describe('ProjectRegistryTab', () => {
  it("lists the project's registered models with their latest version, aliases and stages", async () => {
    const mlflow = createMockMlflowApi();
    mlflow.searchRegisteredModels.mockResolvedValue({
      items: [
        mlflowRegisteredModel({
          latest_versions: [
            mlflowModelVersion({ version: '3', current_stage: 'Staging' }),
            mlflowModelVersion({ version: '2', current_stage: 'Production' }),
            mlflowModelVersion({ version: '4', current_stage: 'None' }),
          ],
          aliases: [{ alias: 'champion', version: '2' }],
        }),
      ],
    });
    await renderTab(mlflow);

    const link = await screen.findByRole('link', { name: 'churn-classifier' });
    expect(link).toHaveAttribute(
      'href',
      `/ml/projects/${projectSlug(churnProject)}/registry/churn-classifier`,
    );
    const row = link.closest('tr')!;
    expect(within(row).getByText('v4')).toBeInTheDocument();
    expect(within(row).getByText('@champion → v2')).toBeInTheDocument();
    expect(within(row).getByText('Staging · v3')).toBeInTheDocument();
    expect(within(row).getByText('Production · v2')).toBeInTheDocument();
    expect(mlflow.searchRegisteredModels).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: `tags.\`ml.project_id\` = '${churnProject.id}'`,
      }),
    );
  });

  it('says how to register a model when there is none', async () => {
    const mlflow = createMockMlflowApi();
    mlflow.searchRegisteredModels.mockResolvedValue({ items: [] });
    await renderTab(mlflow);
    expect(
      await screen.findByText(/No registered models yet/),
    ).toBeInTheDocument();
  });

  it('shows why the registry could not be listed', async () => {
    const mlflow = createMockMlflowApi();
    mlflow.searchRegisteredModels.mockRejectedValue(
      await ResponseError.fromResponse(
        errorResponse(403, 'NotAllowedError', 'Not your project'),
      ),
    );
    await renderTab(mlflow);
    expect(
      (await screen.findAllByText(/Not your project/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
