import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { alpha, makeStyles } from '@material-ui/core/styles';
import { MlflowRun } from '../../../api';
import { runName, valueColumnId } from '../runs';
import { runDiff } from './runDiff';

const useStyles = makeStyles(theme => ({
  differs: {
    backgroundColor: alpha(theme.palette.warning.main, 0.15),
  },
  key: { fontWeight: theme.typography.fontWeightBold as number },
}));

export interface RunDiffTableProps {
  runs: MlflowRun[];
}

/**
 * The runs' params and latest metrics, a row per key and a column per run;
 * the rows where the runs differ are highlighted, or shown alone.
 */
export function RunDiffTable(props: RunDiffTableProps) {
  const { runs } = props;
  const classes = useStyles();
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const rows = runDiff(runs).filter(row => !onlyDifferences || row.differs);
  return (
    <InfoCard
      title="Params and metrics"
      action={
        <FormControlLabel
          control={
            <Switch
              checked={onlyDifferences}
              onChange={e => setOnlyDifferences(e.target.checked)}
            />
          }
          label="Only differences"
        />
      }
    >
      {rows.length === 0 ? (
        <Typography color="textSecondary">
          {onlyDifferences
            ? 'The runs have the same params and metrics.'
            : 'The runs logged no params or metrics.'}
        </Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="Params and metrics of the runs">
            <TableHead>
              <TableRow>
                <TableCell>Key</TableCell>
                {runs.map(run => (
                  <TableCell key={run.info.run_id}>{runName(run)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(row => (
                <TableRow
                  key={valueColumnId(row.column)}
                  className={row.differs ? classes.differs : undefined}
                  data-differs={row.differs || undefined}
                >
                  <TableCell
                    component="th"
                    scope="row"
                    // MUI calls every body cell a "cell"; this one heads its row.
                    role="rowheader"
                    className={classes.key}
                  >
                    {valueColumnId(row.column)}
                  </TableCell>
                  {row.values.map((value, index) => (
                    <TableCell key={runs[index].info.run_id}>
                      {value || '—'}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </InfoCard>
  );
}
