import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlApiRef } from '../../api';
import { churnProject, createMockMlApi } from '../../testing/mockMlApi';
import { ProjectDetailsCard } from './ProjectDetailsCard';

describe('ProjectDetailsCard', () => {
  it('saves title, description and visibility', async () => {
    const api = createMockMlApi();
    const saved = {
      ...churnProject,
      title: 'Churn v2',
      visibility: 'team' as const,
    };
    api.updateProject.mockResolvedValue(saved);
    const onProjectChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[mlApiRef, api]]}>
        <ProjectDetailsCard
          project={churnProject}
          onProjectChange={onProjectChange}
        />
      </TestApiProvider>,
    );

    const save = screen.getByRole('button', { name: 'Save details' });
    expect(save).toBeDisabled();
    await userEvent.clear(screen.getByLabelText('Title'));
    await userEvent.type(screen.getByLabelText('Title'), 'Churn v2');
    await userEvent.selectOptions(screen.getByLabelText('Visibility'), 'team');
    await userEvent.click(save);

    await waitFor(() => expect(onProjectChange).toHaveBeenCalledWith(saved));
    expect(api.updateProject).toHaveBeenCalledWith(churnProject.id, {
      title: 'Churn v2',
      description: 'Predicts who leaves',
      visibility: 'team',
    });
  });

  it('refuses an empty title and shows server errors under their field', async () => {
    const api = createMockMlApi();
    api.updateProject.mockRejectedValue(
      new Error(
        'Invalid request body: description: String must contain at most 4000 character(s)',
      ),
    );
    await renderInTestApp(
      <TestApiProvider apis={[[mlApiRef, api]]}>
        <ProjectDetailsCard
          project={churnProject}
          onProjectChange={jest.fn()}
        />
      </TestApiProvider>,
    );

    await userEvent.clear(screen.getByLabelText('Title'));
    expect(screen.getByText('Title must not be empty')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save details' })).toBeDisabled();

    await userEvent.type(screen.getByLabelText('Title'), 'Churn');
    await userEvent.type(screen.getByLabelText('Description'), '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save details' }));
    expect(
      await screen.findByText('String must contain at most 4000 character(s)'),
    ).toBeInTheDocument();
  });
});
