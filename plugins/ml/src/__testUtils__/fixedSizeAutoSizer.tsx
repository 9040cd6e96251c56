import { ReactNode } from 'react';

/**
 * Stands in for `react-virtualized-auto-sizer`, which measures nothing in
 * jsdom, so that the LogViewer's virtual list has a size to draw rows in:
 *
 *   jest.mock('react-virtualized-auto-sizer', () =>
 *     jest.requireActual('../../__testUtils__/fixedSizeAutoSizer'),
 *   );
 */
export default function FixedSizeAutoSizer(props: {
  children: (size: { width: number; height: number }) => ReactNode;
}) {
  return <>{props.children({ width: 800, height: 400 })}</>;
}
