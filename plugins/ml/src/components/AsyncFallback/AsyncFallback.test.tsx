import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { responseError } from '../../testing/mockMlApi';
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

describe('AsyncFallback for a missing or hidden item', () => {
  it.each([400, 404])(
    'says it may not be shared and offers the way back on %p',
    async status => {
      await renderInTestApp(
        <AsyncFallback
          loading={false}
          error={await responseError(status, "No project with id 'x'")}
          notFound="Project not found"
          back={{ label: 'Back to ML projects', to: '/ml' }}
        />,
      );
      expect(screen.getByText('Project not found')).toBeInTheDocument();
      expect(screen.getByText(/not shared with you/)).toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: 'Back to ML projects' }),
      ).toHaveAttribute('href', '/ml');
      expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();
    },
  );

  it("gives the server's reason on 403", async () => {
    await renderInTestApp(
      <AsyncFallback
        loading={false}
        error={await responseError(
          403,
          'needs the viewer role',
          'NotAllowedError',
        )}
        notFound="Project not found"
      />,
    );
    expect(
      screen.getByText('You may not see it: needs the viewer role'),
    ).toBeInTheDocument();
  });
});
