import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReportedState } from '../../__testUtils__';
import { demoWorkspace } from '../../testing/fixtures';
import {
  NodeGroupDraft,
  NodeGroupsEditor,
  draftsOf,
  groupsOf,
} from './NodeGroupsEditor';

function Harness(props: { onChange: (d: NodeGroupDraft[]) => void }) {
  const [drafts, onChange] = useReportedState(
    () => draftsOf(demoWorkspace.nodeGroups),
    props.onChange,
  );
  return <NodeGroupsEditor drafts={drafts} onChange={onChange} showProblems />;
}

describe('NodeGroupsEditor', () => {
  it('round-trips node groups, quantities included', () => {
    expect(groupsOf(draftsOf(demoWorkspace.nodeGroups))).toEqual(
      demoWorkspace.nodeGroups,
    );
  });

  it('adds a group and flags what is wrong in it', async () => {
    const onChange = jest.fn();
    await renderInTestApp(<Harness onChange={onChange} />);

    await userEvent.click(
      screen.getByRole('button', { name: 'Add node group' }),
    );
    await userEvent.type(screen.getByLabelText('Node group 2 Name'), 'cpu');
    await userEvent.clear(screen.getByLabelText('Node group 2 Max nodes'));
    await userEvent.type(screen.getByLabelText('Node group 2 Max nodes'), '0');

    expect(screen.getAllByText('used twice')).toHaveLength(2);
    expect(screen.getByText('at least 1 and at least min')).toBeInTheDocument();
    expect(groupsOf(onChange.mock.lastCall[0])).toBeUndefined();

    await userEvent.clear(screen.getByLabelText('Node group 2 Name'));
    await userEvent.type(screen.getByLabelText('Node group 2 Name'), 'gpu');
    await userEvent.type(
      screen.getByLabelText('Node group 2 Max nodes'),
      '{backspace}2',
    );
    await userEvent.clear(screen.getByLabelText('Node group 2 GPU'));
    await userEvent.type(screen.getByLabelText('Node group 2 GPU'), '1');
    expect(groupsOf(onChange.mock.lastCall[0])?.[1]).toEqual({
      name: 'gpu',
      cpu: 4,
      memoryMiB: 16384,
      gpu: 1,
      minNodes: 0,
      maxNodes: 2,
      scaleUpDelaySeconds: 30,
    });
  });
});
