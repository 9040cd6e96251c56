import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { needsRole, useProjectAccess } from '../../hooks/useProjectAccess';
import {
  TestProjectRole,
  clickButtonIn,
  findEnabledButton,
  renderWithMlApi,
} from '../../__testUtils__';
import { DeleteAction } from './DeleteAction';

function ProjectDelete(props: { onDelete: () => Promise<void> }) {
  const access = useProjectAccess('p-1');
  return (
    <DeleteAction
      requires={{ access, role: 'admin' }}
      question="Delete project churn?"
      consequences="Its files go with it."
      onDelete={props.onDelete}
    />
  );
}

async function renderDelete(role: TestProjectRole) {
  const onDelete = jest.fn().mockResolvedValue(undefined);
  await renderWithMlApi(<ProjectDelete onDelete={onDelete} />, {
    projectRole: role,
  });
  return onDelete;
}

describe('DeleteAction', () => {
  it('deletes after the user confirms, then closes', async () => {
    const onDelete = await renderDelete('admin');
    await userEvent.click(await findEnabledButton('Delete'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete project churn?');
    expect(dialog).toHaveTextContent('Its files go with it.');
    await clickButtonIn(dialog, 'Delete');

    expect(onDelete).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('stays disabled without the role and says which one it needs', async () => {
    await renderDelete('contributor');
    expect(await screen.findByTitle(needsRole('admin'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeDisabled();
  });
});
