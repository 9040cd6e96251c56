import { render, screen } from '@testing-library/react';
import { ErrorSnackbar } from './ErrorSnackbar';

describe('ErrorSnackbar', () => {
  it('shows the message only when there is one', () => {
    const { rerender } = render(<ErrorSnackbar onClose={jest.fn()} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    rerender(<ErrorSnackbar message="runtime is in use" onClose={jest.fn()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('runtime is in use');
  });
});
