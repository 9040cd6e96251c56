import TableSortLabel from '@material-ui/core/TableSortLabel';

/** Which field the server orders runs by (`attributes.start_time`). */
export interface RunOrder {
  field: string;
  ascending: boolean;
}

/** The order as MLflow's `order_by` takes it. */
export function orderByOf(order: RunOrder): string[] {
  return [`${order.field} ${order.ascending ? 'ASC' : 'DESC'}`];
}

export interface SortableTitleProps {
  title: string;
  field: string;
  order: RunOrder;
  onOrderChange: (order: RunOrder) => void;
}

/**
 * A column title that orders the runs on the server: material-table would
 * only sort the page it has.
 */
export function SortableTitle(props: SortableTitleProps) {
  const { title, field, order, onOrderChange } = props;
  const active = order.field === field;
  return (
    <TableSortLabel
      active={active}
      direction={active && order.ascending ? 'asc' : 'desc'}
      onClick={() =>
        onOrderChange({
          field,
          // A new column starts descending, as MLflow's UI does.
          ascending: active ? !order.ascending : false,
        })
      }
    >
      {title}
    </TableSortLabel>
  );
}
