import { render, screen } from '@testing-library/react';
import { ErrorAlert } from './ErrorAlert';

describe('ErrorAlert', () => {
  it('announces the message', () => {
    render(<ErrorAlert message="Name taken" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Name taken');
  });

  it('shows nothing without a message', () => {
    render(<ErrorAlert message={undefined} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
