import { Link, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { MlflowRun } from '../../api';
import { experimentRunRouteRef } from '../../routes';
import {
  RUN_STATUS_LOOKS,
  formatMillis,
  runDuration,
  runName,
} from '../experiments/runs';
import { ErrorAlert } from '../ErrorAlert';
import { StatusChip } from '../StatusChip';
import { DenseTable } from '../tables/DenseTable';
import { withRowIds } from '../tables/rowIds';
import { describeError } from '../../lib/errors';
import { useWorkloadExperimentRuns } from './useWorkloadExperimentRuns';

export interface ExperimentRunsCardProps {
  projectId: string;
  /** The `:projectId` of the links: the project's slug. */
  projectSlug: string;
  workloadId: string;
  /** Searches again when it changes (the workload's state). */
  refresh?: unknown;
  now: number;
}

/**
 * The MLflow runs a job run logged, each linked to its page, as a row of
 * the page's grid; no row at all for a run that logged none (most jobs).
 */
export function ExperimentRunsCard(props: ExperimentRunsCardProps) {
  const { projectId, projectSlug, workloadId, refresh, now } = props;
  const runLink = useRouteRef(experimentRunRouteRef);
  const found = useWorkloadExperimentRuns(projectId, workloadId, refresh);

  if (found.error) {
    return (
      <Grid item xs={12}>
        <ErrorAlert
          message={`The experiment runs could not be searched: ${describeError(
            found.error,
          )}`}
        />
      </Grid>
    );
  }
  const runs = found.value?.runs ?? [];
  if (runs.length === 0) {
    return null;
  }
  const experiments = found.value!.experiments;
  const columns: TableColumn<MlflowRun>[] = [
    {
      title: 'Run',
      highlight: true,
      render: r => (
        <Link to={runLink({ projectId: projectSlug, runId: r.info.run_id })}>
          {runName(r)}
        </Link>
      ),
    },
    {
      title: 'Experiment',
      render: r =>
        experiments.get(r.info.experiment_id)?.name ?? r.info.experiment_id,
    },
    {
      title: 'Status',
      render: r => <StatusChip look={RUN_STATUS_LOOKS[r.info.status]} />,
    },
    { title: 'Started', render: r => formatMillis(r.info.start_time) },
    { title: 'Duration', render: r => runDuration(r, now) },
  ];
  return (
    <Grid item xs={12}>
      <DenseTable<MlflowRun>
        title="Experiment runs"
        columns={columns}
        data={withRowIds(runs, r => r.info.run_id)}
      />
    </Grid>
  );
}
