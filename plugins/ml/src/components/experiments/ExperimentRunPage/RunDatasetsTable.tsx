import { TableColumn } from '@backstage/core-components';
import { MlflowDatasetInput } from '../../../api';
import { DenseTable } from '../../tables/DenseTable';
import { withRowIds } from '../../tables/rowIds';
import { tagValue } from '../runs';

export interface RunDatasetsTableProps {
  inputs: MlflowDatasetInput[];
}

const COLUMNS: TableColumn<MlflowDatasetInput>[] = [
  { title: 'Dataset', highlight: true, render: i => i.dataset.name },
  {
    title: 'Context',
    render: i => tagValue(i.tags, 'mlflow.data.context') ?? '—',
  },
  { title: 'Digest', render: i => i.dataset.digest },
  { title: 'Source type', render: i => i.dataset.source_type },
  {
    title: 'Source',
    render: i => (
      <span style={{ wordBreak: 'break-all' }}>{i.dataset.source}</span>
    ),
  },
];

/** The datasets the run logged with mlflow.log_input(). */
export function RunDatasetsTable(props: RunDatasetsTableProps) {
  return (
    <DenseTable<MlflowDatasetInput>
      title="Datasets"
      columns={COLUMNS}
      data={withRowIds(
        props.inputs,
        i =>
          `${i.dataset.name}:${i.dataset.digest}:${
            tagValue(i.tags, 'mlflow.data.context') ?? ''
          }`,
      )}
    />
  );
}
