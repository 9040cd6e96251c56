import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AsyncFallback } from './AsyncFallback';

describe('AsyncFallback', () => {
  it('shows progress while loading', async () => {
    await renderInTestApp(
      <AsyncFallback loading error={new Error('ignored')} notFound="Gone" />,
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByText(/ignored/)).not.toBeInTheDocument();
  });

  it('shows the error once loaded', async () => {
    await renderInTestApp(
      <AsyncFallback
        loading={false}
        error={new Error('offline')}
        notFound="Gone"
      />,
    );
    expect(screen.getAllByText(/offline/).length).toBeGreaterThan(0);
  });

  it('says what was not found when there is no error', async () => {
    await renderInTestApp(<AsyncFallback loading={false} notFound="Gone" />);
    expect(screen.getAllByText(/Gone/).length).toBeGreaterThan(0);
  });
});
