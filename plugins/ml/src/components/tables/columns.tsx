import { TableColumn } from '@backstage/core-components';
import IconButton from '@material-ui/core/IconButton';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import { formatMemory } from '@ml-platform/plugin-ml-common';
import { ResourceAmounts, formatVcpu } from '../../lib/resources';

export interface EditDeleteColumnOptions<T> {
  /** What the buttons' labels call the row: "Edit <it>", "Delete <it>". */
  describe: (row: T) => string;
  onEdit: (row: T) => void;
  onDelete: (row: T) => void;
}

/** An "Actions" column with an edit and a delete button on every row. */
export function editDeleteColumn<T extends object>(
  options: EditDeleteColumnOptions<T>,
): TableColumn<T> {
  const { describe, onEdit, onDelete } = options;
  const actions = [
    { verb: 'Edit', Icon: EditIcon, act: onEdit },
    { verb: 'Delete', Icon: DeleteIcon, act: onDelete },
  ];
  return {
    title: 'Actions',
    sorting: false,
    render: row => (
      <>
        {actions.map(({ verb, Icon, act }) => (
          <IconButton
            key={verb}
            size="small"
            aria-label={`${verb} ${describe(row)}`}
            onClick={() => act(row)}
          >
            <Icon fontSize="small" />
          </IconButton>
        ))}
      </>
    ),
  };
}

/** CPU, memory and GPU columns, e.g. "CPU per node" with a `suffix`. */
export function resourceColumns<T extends ResourceAmounts>(
  suffix = '',
): TableColumn<T>[] {
  return [
    { title: `CPU${suffix}`, field: 'cpu', render: row => formatVcpu(row.cpu) },
    {
      title: `Memory${suffix}`,
      field: 'memoryMiB',
      render: row => formatMemory(row.memoryMiB),
    },
    { title: `GPU${suffix}`, field: 'gpu' },
  ];
}
