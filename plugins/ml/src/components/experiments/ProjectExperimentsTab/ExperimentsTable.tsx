import { Link, TableColumn } from '@backstage/core-components';
import { MlflowExperiment } from '../../../api';
import { DenseTable } from '../../tables/DenseTable';
import { withRowIds } from '../../tables/rowIds';
import { formatMillis } from '../runs';

export interface ExperimentsTableProps {
  experiments: MlflowExperiment[];
  /** The experiment whose runs show below, in bold. */
  selectedId?: string;
  /** Where a row's link goes: the tab with that experiment selected. */
  linkTo: (experiment: MlflowExperiment) => string;
}

/** A project's experiments; the link of each selects it. */
export function ExperimentsTable(props: ExperimentsTableProps) {
  const { experiments, selectedId, linkTo } = props;
  const columns: TableColumn<MlflowExperiment>[] = [
    {
      title: 'Name',
      highlight: true,
      render: e => (
        <Link
          to={linkTo(e)}
          aria-current={e.experiment_id === selectedId ? 'true' : undefined}
          style={{
            fontWeight: e.experiment_id === selectedId ? 'bold' : undefined,
          }}
        >
          {e.name}
        </Link>
      ),
    },
    { title: 'ID', render: e => e.experiment_id },
    { title: 'Last update', render: e => formatMillis(e.last_update_time) },
    { title: 'Created', render: e => formatMillis(e.creation_time) },
  ];
  return (
    <DenseTable<MlflowExperiment>
      title="Experiments"
      columns={columns}
      data={withRowIds(experiments, e => e.experiment_id)}
      emptyContent="No experiments yet. Create one here, or call mlflow.set_experiment() in a session or job of this project."
    />
  );
}
