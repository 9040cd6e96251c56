import { Link, TableColumn } from '@backstage/core-components';
import Checkbox from '@material-ui/core/Checkbox';
import { MlflowRun } from '../../../api';
import { StatusChip } from '../../StatusChip';
import { RunSourceLink } from '../RunSourceLink';
import {
  RUN_STATUS_LOOKS,
  ValueColumn,
  formatMillis,
  runDuration,
  runName,
  runUser,
  runValue,
  searchKey,
  valueColumnId,
} from '../runs';
import { RunOrder, SortableTitle } from './SortableTitle';

export interface RunColumnsOptions {
  projectId: string;
  runLink: (run: MlflowRun) => string;
  order: RunOrder;
  onOrderChange: (order: RunOrder) => void;
  selected: ReadonlySet<string>;
  onToggle: (run: MlflowRun) => void;
  /** The params and metrics the user chose to see. */
  valueColumns: ValueColumn[];
  now: number;
}

/** The runs table's columns: selection, the run's attributes, then values. */
export function runColumns(
  options: RunColumnsOptions,
): TableColumn<MlflowRun>[] {
  const { order, onOrderChange, selected } = options;
  const sortable = (title: string, field: string) => (
    <SortableTitle
      title={title}
      field={field}
      order={order}
      onOrderChange={onOrderChange}
    />
  );
  return [
    {
      title: 'Select',
      width: '48px',
      render: run => (
        <Checkbox
          size="small"
          checked={selected.has(run.info.run_id)}
          onChange={() => options.onToggle(run)}
          inputProps={{ 'aria-label': `Select ${runName(run)}` }}
        />
      ),
    },
    {
      title: sortable('Run', 'attributes.run_name'),
      highlight: true,
      render: run => <Link to={options.runLink(run)}>{runName(run)}</Link>,
    },
    {
      title: sortable('Status', 'attributes.status'),
      render: run => <StatusChip look={RUN_STATUS_LOOKS[run.info.status]} />,
    },
    {
      title: sortable('Started', 'attributes.start_time'),
      render: run => formatMillis(run.info.start_time),
    },
    { title: 'Duration', render: run => runDuration(run, options.now) },
    {
      title: sortable('User', 'attributes.user_id'),
      render: run => runUser(run),
    },
    {
      title: 'Source',
      render: run => <RunSourceLink run={run} projectId={options.projectId} />,
    },
    ...options.valueColumns.map(
      (column): TableColumn<MlflowRun> => ({
        title: sortable(
          valueColumnId(column),
          searchKey(column.kind, column.key),
        ),
        render: run => runValue(run, column),
      }),
    ),
  ];
}
