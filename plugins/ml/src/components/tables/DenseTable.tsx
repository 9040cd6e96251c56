import { ReactNode } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { withRowIds } from './rowIds';

/** The options of the plugin's compact tables: every row, no search. */
export const compactTableOptions = {
  search: false,
  paging: false,
  padding: 'dense',
} as const;

export interface DenseTableProps<T extends object> {
  title: string;
  columns: TableColumn<T>[];
  data: T[];
  /** What the table says when it has no rows; the table's own text without. */
  emptyContent?: ReactNode;
}

/** The plugin's tables: compact, with every row on one page, no search. */
export function DenseTable<T extends object>(props: DenseTableProps<T>) {
  const { title, columns, data, emptyContent } = props;
  return (
    <Table<T>
      title={title}
      options={{
        ...compactTableOptions,
        // Narrow columns would otherwise break a header mid-word ("REPLIC AS").
        headerStyle: { whiteSpace: 'nowrap' },
      }}
      columns={columns}
      data={withRowIds(data)}
      emptyContent={
        emptyContent === undefined ? undefined : (
          <Box padding={2}>{emptyContent}</Box>
        )
      }
    />
  );
}
