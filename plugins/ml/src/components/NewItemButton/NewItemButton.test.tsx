import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { needsRole, ProjectAccess } from '../../hooks/useProjectAccess';
import { NewItemButton } from './NewItemButton';

const operator: ProjectAccess = {
  loading: false,
  canRead: true,
  canOperate: true,
  canWrite: false,
  canAdmin: false,
};

describe('NewItemButton', () => {
  it('is a button named by its label that calls onClick', async () => {
    const onClick = jest.fn();
    render(<NewItemButton label="New job" onClick={onClick} />);
    await userEvent.click(screen.getByRole('button', { name: 'New job' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('is disabled, saying why, without the role it requires', () => {
    render(
      <NewItemButton
        label="New job"
        onClick={jest.fn()}
        requires={{ access: operator, role: 'contributor' }}
      />,
    );
    expect(screen.getByRole('button', { name: 'New job' })).toBeDisabled();
    expect(screen.getByTitle(needsRole('contributor'))).toBeInTheDocument();
  });

  it('works with the role it requires', async () => {
    const onClick = jest.fn();
    render(
      <NewItemButton
        label="New job"
        onClick={onClick}
        requires={{ access: operator, role: 'operator' }}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'New job' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
