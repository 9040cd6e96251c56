import { act, screen, waitFor, within } from '@testing-library/react';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import {
  churnProject,
  demoWorkspace,
  page,
  readyNode,
  runningSession,
  trainJob,
  trainRun,
} from '../../testing/fixtures';
import { WorkspaceQueueTab } from './WorkspaceQueueTab';

const waitingRun = {
  ...trainRun,
  id: 'c0000000-0000-4000-8000-000000000003',
  state: 'queued' as const,
  queuePosition: 1,
  requester: 'user:default/bob',
  chargedSubject: 'group:default/team-x',
  resources: { cpu: 4, memoryMiB: 8192, gpu: 0 },
  reason: 'team x uses 6 of 8 vCPU; this needs 4',
  startedAt: undefined,
  endedAt: undefined,
};
const waitingSession = {
  ...runningSession,
  id: 'c0000000-0000-4000-8000-000000000004',
  name: 'Notebook',
  state: 'queued' as const,
  queuePosition: 2,
  reason: 'waiting for a new cpu node to start (ready in ~20 s)',
  startedAt: undefined,
};

describe('WorkspaceQueueTab', () => {
  it('lists queued work in order with positions and reasons, what runs, and the nodes', async () => {
    const api = createMockMlApi();
    const startingNode = {
      ...readyNode,
      id: 'd0000000-0000-4000-8000-000000000005',
      ready: false,
      readyAt: new Date(Date.now() + 20_000).toISOString(),
      allocated: { cpu: 1, memoryMiB: 2048, gpu: 0 },
    };
    api.getWorkspaceQueue.mockResolvedValue({
      queued: [waitingRun, waitingSession],
      running: [{ ...runningSession, nodeId: readyNode.id }],
      nodes: [readyNode, startingNode],
    });
    api.listProjects.mockResolvedValue(page([churnProject]));
    await renderWithMlApi(<WorkspaceQueueTab workspace={demoWorkspace} />, {
      api,
    });

    expect(await screen.findByText('Queued (2)')).toBeInTheDocument();
    const first = screen
      .getByText('team x uses 6 of 8 vCPU; this needs 4')
      .closest('tr')!;
    expect(within(first).getByText('1')).toBeInTheDocument();
    expect(within(first).getByText('job')).toBeInTheDocument();
    expect(within(first).getByText('bob')).toHaveAttribute(
      'title',
      'user:default/bob',
    );
    expect(within(first).getByText('group team-x')).toHaveAttribute(
      'title',
      'group:default/team-x',
    );
    expect(within(first).getByText('4 vCPU · 8 GiB')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'train' })).toHaveAttribute(
      'href',
      `/ml/projects/churn-${churnProject.id}/jobs/${trainJob.id}/runs/${waitingRun.id}`,
    );
    const second = screen
      .getByText(/waiting for a new cpu node/)
      .closest('tr')!;
    expect(within(second).getByText('2')).toBeInTheDocument();
    expect(within(second).getByText('Notebook')).toBeInTheDocument();

    expect(screen.getByText('Running (1)')).toBeInTheDocument();
    const running = screen
      .getByRole('link', { name: 'Exploration' })
      .closest('tr')!;
    // Nodes by name (group and the start of the id), the id in the tooltip.
    expect(within(running).getByText('cpu-a1b2c')).toHaveAttribute(
      'title',
      readyNode.id,
    );
    expect(
      screen.getAllByText('cpu-a1b2c').map(e => e.getAttribute('title')),
    ).toEqual([readyNode.id, readyNode.id]);
    expect(screen.queryByText('a1b2c3d4')).toBeNull();

    const starting = screen.getByText('cpu-d0000').closest('tr')!;
    expect(within(starting).getByText('cpu-d0000')).toHaveAttribute(
      'title',
      startingNode.id,
    );
    expect(
      within(starting).getByText(/^Starting, ready in 1\d s$/),
    ).toBeInTheDocument();
    expect(within(starting).getByText('1 vCPU / 4 vCPU')).toBeInTheDocument();
    expect(screen.getByText('Node group cpu')).toBeInTheDocument();
    expect(api.getWorkspaceQueue).toHaveBeenCalledWith('demo');
  });

  it('refreshes every few seconds', async () => {
    jest.useFakeTimers();
    try {
      const api = createMockMlApi({
        getWorkspaceQueue: {
          queued: [],
          running: [],
          nodes: [],
        },
        listProjects: page([]),
      });
      await renderWithMlApi(<WorkspaceQueueTab workspace={demoWorkspace} />, {
        api,
      });
      expect(
        await screen.findByText('Nothing is waiting.'),
      ).toBeInTheDocument();
      expect(api.getWorkspaceQueue).toHaveBeenCalledTimes(1);

      await act(async () => {
        jest.advanceTimersByTime(3000);
      });
      await waitFor(() =>
        expect(api.getWorkspaceQueue).toHaveBeenCalledTimes(2),
      );
    } finally {
      jest.useRealTimers();
    }
  });
});
