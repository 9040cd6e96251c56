import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SplitPane } from './SplitPane';

describe('SplitPane', () => {
  it('shows both panes and moves the separator with the arrow keys, within bounds', async () => {
    render(
      <SplitPane
        left={<p>files</p>}
        right={<p>console</p>}
        initialPercent={30}
        label="Resize files and console"
      />,
    );
    expect(screen.getByText('files')).toBeInTheDocument();
    expect(screen.getByText('console')).toBeInTheDocument();
    const separator = screen.getByRole('separator', {
      name: 'Resize files and console',
    });
    expect(separator).toHaveAttribute('aria-valuenow', '30');

    separator.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(separator).toHaveAttribute('aria-valuenow', '35');
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(separator).toHaveAttribute('aria-valuenow', '20');
  });
});
