import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import type { HomePageWidgetData } from '@backstage/plugin-home-react/alpha';
import { HomeLayout } from './HomeLayout';

const widget = (name: string): HomePageWidgetData => ({
  name,
  node: {} as HomePageWidgetData['node'],
  component: <div>{`card ${name}`}</div>,
});

describe('HomeLayout', () => {
  it('shows every widget, the ML ones first, in view mode', async () => {
    await renderInTestApp(
      <HomeLayout
        widgets={[
          widget('HomePageStarredEntities'),
          widget('MlRecentActivity'),
          widget('MlYourMl'),
        ]}
      />,
    );

    expect(
      screen.getByRole('heading', { name: 'Welcome to the ML platform' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/^card /).map(c => c.textContent)).toEqual([
      'card MlYourMl',
      'card MlRecentActivity',
      'card HomePageStarredEntities',
    ]);
    // Nothing to edit: the customizable grid's controls are not there.
    expect(screen.queryByRole('button', { name: /edit/i })).toBeNull();
  });
});
