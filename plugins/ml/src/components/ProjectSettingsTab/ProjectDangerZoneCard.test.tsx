import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlApiRef } from '../../api';
import { needsRole } from '../../hooks/useProjectAccess';
import { createMockMlApi } from '../../testing/mockMlApi';
import {
  TestProjectRole,
  WithProjectRole,
} from '../../__testUtils__/permissions';
import { ProjectDangerZoneCard } from './ProjectDangerZoneCard';
import { churnProject } from '../../testing/fixtures';

function renderDangerZone(onDeleted: () => void, role?: TestProjectRole) {
  const api = createMockMlApi();
  api.deleteProject.mockResolvedValue();
  return {
    api,
    rendered: renderInTestApp(
      <TestApiProvider apis={[[mlApiRef, api]]}>
        <WithProjectRole projectRole={role}>
          <ProjectDangerZoneCard project={churnProject} onDeleted={onDeleted} />
        </WithProjectRole>
      </TestApiProvider>,
    ),
  };
}

describe('ProjectDangerZoneCard', () => {
  it('deletes the project after confirmation', async () => {
    const onDeleted = jest.fn();
    const { api, rendered } = renderDangerZone(onDeleted);
    await rendered;

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete project' }),
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

  it('offers deleting only to admins', async () => {
    await renderDangerZone(jest.fn(), 'contributor').rendered;

    expect(await screen.findByTitle(needsRole('admin'))).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Delete project' });
    expect(button).toBeDisabled();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
