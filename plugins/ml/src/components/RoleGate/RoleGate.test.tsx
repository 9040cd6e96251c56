import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Button from '@material-ui/core/Button';
import {
  CHECKING_ACCESS,
  needsRole,
  useProjectAccess,
} from '../../hooks/useProjectAccess';
import { TestProjectRole, WithProjectRole } from '../../__testUtils__';
import { RoleGate } from './RoleGate';

function Action(props: { onClick: () => void }) {
  const access = useProjectAccess('p-1');
  return (
    <RoleGate access={access} requires="contributor">
      <Button onClick={props.onClick}>Rename</Button>
    </RoleGate>
  );
}

function renderAction(role: TestProjectRole, onClick = jest.fn()) {
  render(
    <WithProjectRole projectRole={role}>
      <Action onClick={onClick} />
    </WithProjectRole>,
  );
  return onClick;
}

describe('RoleGate', () => {
  it('disables the action while access is checked, then enables it for the role', async () => {
    const onClick = renderAction('contributor');
    expect(screen.getByRole('button', { name: 'Rename' })).toBeDisabled();
    expect(screen.getByTitle(CHECKING_ACCESS)).toBeInTheDocument();

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Rename' })).toBeEnabled(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));
    expect(onClick).toHaveBeenCalled();
  });

  it('keeps the action disabled for a weaker role and says which role it needs', async () => {
    renderAction('operator');
    expect(
      await screen.findByTitle(needsRole('contributor')),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rename' })).toBeDisabled();
  });
});
