import { ReactNode } from 'react';
import {
  Progress,
  ResponseErrorPanel,
  TableColumn,
} from '@backstage/core-components';
import { DenseTable } from '../tables/DenseTable';

export interface AsyncTableProps<T extends object> {
  title: string;
  columns: TableColumn<T>[];
  /** Undefined until the first load finishes. */
  rows: T[] | undefined;
  loading: boolean;
  /**
   * Shown instead of the table. A list that keeps its rows through a failed
   * refresh passes it only while it has none.
   */
  error?: Error;
  /** What the table says when it has no rows. */
  emptyContent: ReactNode;
}

/**
 * A compact table of loaded rows: progress until the first load, why the
 * load failed, or the rows.
 */
export function AsyncTable<T extends object>(props: AsyncTableProps<T>) {
  const { title, columns, rows, loading, error, emptyContent } = props;
  if (loading && !rows) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return (
    <DenseTable<T>
      title={title}
      columns={columns}
      data={rows ?? []}
      emptyContent={emptyContent}
    />
  );
}
