import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { churnProject, createMockMlApi } from '../../testing/mockMlApi';
import { ProjectOverview } from './ProjectOverview';

describe('ProjectOverview', () => {
  it('shows the project and deletes it after confirmation', async () => {
    const api = createMockMlApi();
    api.deleteProject.mockResolvedValue();
    const onDeleted = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[mlApiRef, api]]}>
        <ProjectOverview project={churnProject} onDeleted={onDeleted} />
      </TestApiProvider>,
      { mountedRoutes: { '/ml': rootRouteRef } },
    );

    expect(screen.getByText('Predicts who leaves')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'demo' })).toHaveAttribute(
      'href',
      '/ml/workspaces/demo',
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Delete project' }),
    );
    expect(api.deleteProject).not.toHaveBeenCalled();
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Delete',
      }),
    );

    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(api.deleteProject).toHaveBeenCalledWith(churnProject.id);
  });
});
