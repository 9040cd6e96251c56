import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubSvgLayout } from '../../__testUtils__';
import { reportJob, trainJob } from '../../testing/fixtures';
import { JobDependencyGraph } from './JobDependencyGraph';

describe('JobDependencyGraph', () => {
  beforeAll(stubSvgLayout);

  it('draws each job with the state of its last run, and an edge from parent to child', async () => {
    const onSelect = jest.fn();
    await renderInTestApp(
      <JobDependencyGraph jobs={[trainJob, reportJob]} onSelect={onSelect} />,
    );

    const train = await screen.findByRole('button', {
      name: 'Job train, last run: succeeded',
    });
    expect(
      screen.getByRole('button', { name: 'Job report, never ran' }),
    ).toBeInTheDocument();
    expect(train.querySelector('rect')).toHaveAttribute('fill', '#3E8635');
    expect(await screen.findAllByTestId('node')).toHaveLength(2);
    expect(await screen.findAllByTestId('edge')).toHaveLength(1);

    await userEvent.click(train);
    expect(onSelect).toHaveBeenCalledWith(trainJob);
  });
});
