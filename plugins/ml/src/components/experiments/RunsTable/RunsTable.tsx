import { useState } from 'react';
import {
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useNavigate } from 'react-router-dom';
import { MlflowExperiment, MlflowRun } from '../../../api';
import { useNow } from '../../../hooks/useNow';
import { plural } from '../../../lib/text';
import {
  experimentCompareRouteRef,
  experimentRunRouteRef,
} from '../../../routes';
import { compactTableOptions } from '../../tables/DenseTable';
import { withRowIds } from '../../tables/rowIds';
import { ValueColumn, isRunLive, valueColumnId, valueColumnsOf } from '../runs';
import { ColumnPicker } from './ColumnPicker';
import { RunsFilterBox } from './RunsFilterBox';
import { runColumns } from './runColumns';
import { useRunsSearch } from './useRunsSearch';

/** How many runs the compare page draws at once. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 10;

/** Params before metrics; the sort keeps the order within each. */
const kindRank = (column: ValueColumn) => (column.kind === 'params' ? 0 : 1);

export interface RunsTableProps {
  experiment: MlflowExperiment;
  /** The `:projectId` of the links: the project's slug. */
  projectId: string;
}

/**
 * An experiment's runs, filtered, ordered and paged by the server, with
 * the params and metrics the user picks as columns, and a selection of
 * runs to compare.
 */
export function RunsTable(props: RunsTableProps) {
  const { experiment, projectId } = props;
  const navigate = useNavigate();
  const runLink = useRouteRef(experimentRunRouteRef);
  const compareLink = useRouteRef(experimentCompareRouteRef);
  const search = useRunsSearch(experiment.experiment_id);
  const [valueColumns, setValueColumns] = useState<ValueColumn[]>([]);
  // Selected runs stay selected across pages and filters.
  const [selected, setSelected] = useState<string[]>([]);
  const runs = search.page?.items;
  const now = useNow(Boolean(runs?.some(isRunLive)));

  const chosenIds = new Set(valueColumns.map(valueColumnId));
  // Grouped by kind, as the picker shows them under Params and Metrics.
  const columnChoices = [
    ...valueColumns,
    ...valueColumnsOf(runs ?? []).filter(c => !chosenIds.has(valueColumnId(c))),
  ].sort((a, b) => kindRank(a) - kindRank(b));
  const toggle = (run: MlflowRun) =>
    setSelected(ids =>
      ids.includes(run.info.run_id)
        ? ids.filter(id => id !== run.info.run_id)
        : [...ids, run.info.run_id],
    );
  const canCompare =
    selected.length >= COMPARE_MIN && selected.length <= COMPARE_MAX;

  const columns = runColumns({
    projectId,
    runLink: run => runLink({ projectId, runId: run.info.run_id }),
    order: search.order,
    onOrderChange: search.setOrder,
    selected: new Set(selected),
    onToggle: toggle,
    valueColumns,
    now,
  });

  let table: JSX.Element;
  if (search.error) {
    table = <ResponseErrorPanel error={search.error} />;
  } else if (!runs) {
    table = search.loading ? (
      <Progress />
    ) : (
      <Typography color="textSecondary">
        The runs show once the filter is valid.
      </Typography>
    );
  } else {
    table = (
      <Table<MlflowRun>
        title={`Runs of ${experiment.name}`}
        options={{
          ...compactTableOptions,
          // The order is the server's: no client sorting, and no dragging
          // columns, whose handles would wrap the sort buttons.
          sorting: false,
          draggable: false,
          headerStyle: { whiteSpace: 'nowrap' },
        }}
        columns={columns}
        data={withRowIds(runs, run => run.info.run_id)}
        emptyContent={
          <Box padding={2}>
            {search.filter
              ? 'No run matches the filter.'
              : 'No runs yet. Runs appear here as MLflow clients log them (MLFLOW_TRACKING_URI is set in sessions and jobs).'}
          </Box>
        }
      />
    );
  }

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <RunsFilterBox
          filter={search.filter}
          onFilterChange={search.setFilter}
          problem={search.filterProblem}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <ColumnPicker
          options={columnChoices}
          value={valueColumns}
          onChange={setValueColumns}
        />
      </Grid>
      <Grid item xs={12}>
        {table}
      </Grid>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" gridGap={8}>
          <Button
            variant="contained"
            color="primary"
            disabled={!canCompare}
            onClick={() =>
              navigate(
                `${compareLink({ projectId })}?runs=${selected.join(',')}`,
              )
            }
          >
            Compare
          </Button>
          <Typography variant="body2" color="textSecondary">
            {selected.length
              ? `${plural(selected.length, 'run')} selected`
              : `Select ${COMPARE_MIN} to ${COMPARE_MAX} runs to compare them`}
          </Typography>
          {selected.length > 0 && (
            <Button size="small" onClick={() => setSelected([])}>
              Clear selection
            </Button>
          )}
          <Box flexGrow={1} />
          <Typography variant="body2" color="textSecondary">
            Page {search.pageNumber}
          </Typography>
          <Button
            size="small"
            disabled={!search.hasPrevious}
            onClick={search.previous}
          >
            Previous
          </Button>
          <Button size="small" disabled={!search.hasNext} onClick={search.next}>
            Next
          </Button>
        </Box>
      </Grid>
    </Grid>
  );
}
