import { TableColumn } from '@backstage/core-components';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Workload } from '@ml-platform/plugin-ml-common';
import {
  workloadDurationColumn,
  workloadStartedColumn,
  workloadStatusColumn,
} from './workloadColumns';

const queued = {
  state: 'queued',
  queuePosition: 3,
} as Workload;
const finished = {
  state: 'succeeded',
  startedAt: '2026-01-12T10:00:00.000Z',
  endedAt: '2026-01-12T10:00:10.000Z',
} as Workload;

function cell(column: TableColumn<Workload>, row: Workload) {
  return column.render!(row, 'row');
}

describe('workloadColumns', () => {
  it('shows the state and, while queued, the position', async () => {
    const column = workloadStatusColumn();
    await renderInTestApp(<>{cell(column, queued)}</>);
    expect(screen.getByText(/position 3/)).toBeInTheDocument();
  });

  it('shows a dash for what has not happened yet', () => {
    expect(cell(workloadDurationColumn(0), queued)).toBe('—');
    expect(cell(workloadStartedColumn(), finished)).not.toBe('—');
    expect(cell(workloadDurationColumn(0), finished)).toBe('10 s');
  });
});
