import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NewItemButton } from './NewItemButton';

describe('NewItemButton', () => {
  it('is a button named by its label that calls onClick', async () => {
    const onClick = jest.fn();
    render(<NewItemButton label="New job" onClick={onClick} />);
    await userEvent.click(screen.getByRole('button', { name: 'New job' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
