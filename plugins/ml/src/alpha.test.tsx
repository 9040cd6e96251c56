import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { mlApiRef } from './api';
import mlPlugin from './alpha';
import { createMockMlApi } from './__testUtils__';
import { demoCapacity, demoWorkspace, page } from './testing/fixtures';

describe('ml plugin for the new frontend system', () => {
  it('serves the home page at /ml through its page extension', async () => {
    const api = createMockMlApi({
      listWorkspaces: page([demoWorkspace]),
      getWorkspaceCapacity: demoCapacity,
      listProjects: page([]),
    });

    renderTestApp({
      features: [mlPlugin],
      apis: [[mlApiRef, api]],
      initialRouteEntries: ['/ml'],
    });

    // The page is lazy loaded, which takes a while on a cold module cache.
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Machine Learning' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('Demo workspace')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ML' })).toHaveAttribute(
      'href',
      '/ml',
    );
  });
});
