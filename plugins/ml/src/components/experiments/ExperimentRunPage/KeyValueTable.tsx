import { ReactNode } from 'react';
import { TableColumn } from '@backstage/core-components';
import { DenseTable } from '../../tables/DenseTable';
import { withRowIds } from '../../tables/rowIds';

export interface KeyValueRow {
  key: string;
  value: string;
}

export interface KeyValueTableProps {
  title: string;
  rows: KeyValueRow[];
  emptyContent: ReactNode;
}

const COLUMNS: TableColumn<KeyValueRow>[] = [
  { title: 'Key', field: 'key', highlight: true },
  {
    title: 'Value',
    render: row => (
      <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {row.value}
      </span>
    ),
  },
];

/** A run's params or tags, by key. */
export function KeyValueTable(props: KeyValueTableProps) {
  const rows = [...props.rows].sort((a, b) => a.key.localeCompare(b.key));
  return (
    <DenseTable<KeyValueRow>
      title={props.title}
      columns={COLUMNS}
      data={withRowIds(rows, row => row.key)}
      emptyContent={props.emptyContent}
    />
  );
}
