import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockMlApi } from '../../__testUtils__';
import { churnProject, page } from '../../testing/fixtures';
import { MlProjectPicker } from './MlProjectPicker';
import { renderField } from './__testUtils__/renderField';

describe('MlProjectPicker', () => {
  it('offers the projects of the workspace in the form and returns the id', async () => {
    const api = createMockMlApi({ listProjects: page([churnProject]) });
    const onChange = await renderField(MlProjectPicker, {
      api,
      title: 'Project',
      formData: { workspace: 'demo' },
    });

    expect(
      await screen.findByRole('option', { name: 'Churn model (churn)' }),
    ).toBeInTheDocument();
    expect(api.listProjects).toHaveBeenCalledWith(
      expect.objectContaining({ workspace: 'demo' }),
    );
    await userEvent.selectOptions(
      screen.getByLabelText(/Project/),
      churnProject.id,
    );
    expect(onChange).toHaveBeenLastCalledWith(churnProject.id);
  });
});
