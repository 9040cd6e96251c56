import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  bar: {
    height: 8,
    borderRadius: 4,
    marginTop: theme.spacing(0.5),
  },
}));

/** @public */
export interface ResourceUsageBarProps {
  label: string;
  used: number;
  /** What the nodes that exist now provide. */
  current: number;
  /** What the workspace provides once autoscaled to its largest; absent for a fixed limit such as a quota. */
  maximum?: number;
  format: (value: number) => string;
}

/**
 * One resource of a workspace: how much of what exists now is used, and how
 * far autoscaling could take it.
 */
export function ResourceUsageBar(props: ResourceUsageBarProps) {
  const { label, used, current, maximum, format } = props;
  const classes = useStyles();
  const percent =
    current > 0 ? Math.min(100, Math.round((used / current) * 100)) : 0;
  const text =
    maximum === undefined
      ? `${format(used)} / ${format(current)}`
      : `${format(used)} / ${format(current)} (${format(maximum)})`;

  return (
    <Box marginBottom={1.5}>
      <Box display="flex" justifyContent="space-between">
        <Typography variant="body2">{label}</Typography>
        <Typography variant="body2" color="textSecondary">
          {text}
        </Typography>
      </Box>
      <LinearProgress
        className={classes.bar}
        variant="determinate"
        value={percent}
        color={percent >= 90 ? 'secondary' : 'primary'}
        aria-label={`${label} usage`}
        aria-valuetext={`${text}, ${percent}% of current capacity used`}
      />
    </Box>
  );
}
