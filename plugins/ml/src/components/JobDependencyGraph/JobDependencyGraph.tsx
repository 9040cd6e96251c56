import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { Job, WorkloadState } from '@ml-platform/plugin-ml-common';
import { workloadStateColor } from '../WorkloadStatus';

const useStyles = makeStyles(theme => ({
  node: { cursor: 'pointer' },
  name: {
    fill: theme.palette.common.white,
    fontSize: 14,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  state: { fill: theme.palette.common.white, fontSize: 11 },
}));

interface JobNodeData {
  name: string;
  state?: WorkloadState;
}

/** @public */
export interface JobDependencyGraphProps {
  jobs: Job[];
  onSelect?: (job: Job) => void;
}

// Sizes are estimated from the text rather than measured with getBBox, which
// is not there until the SVG is laid out.
const CHAR_WIDTH = 8;
const PADDING = 12;
const HEIGHT = 44;

function stateText(state: WorkloadState | undefined): string {
  return state ? `last run: ${state.replace('_', ' ')}` : 'never ran';
}

/**
 * The project's jobs as a graph: an arrow from each parent to the jobs that
 * run after it, each node coloured by how its last run went.
 */
export function JobDependencyGraph(props: JobDependencyGraphProps) {
  const { jobs, onSelect } = props;
  const classes = useStyles();
  const nodes: DependencyGraphTypes.DependencyNode<JobNodeData>[] = jobs.map(
    job => ({ id: job.id, name: job.name, state: job.lastRun?.state }),
  );
  const ids = new Set(jobs.map(j => j.id));
  const edges: DependencyGraphTypes.DependencyEdge[] = jobs
    .filter(job => job.parentJobId && ids.has(job.parentJobId))
    .map(job => ({ from: job.parentJobId!, to: job.id }));

  const renderNode = ({
    node,
  }: DependencyGraphTypes.RenderNodeProps<JobNodeData>) => {
    const label = stateText(node.state);
    const width =
      Math.max(node.name.length * CHAR_WIDTH, label.length * 6.5) + PADDING * 2;
    const job = jobs.find(j => j.id === node.id);
    return (
      <g
        className={classes.node}
        role="button"
        tabIndex={0}
        aria-label={`Job ${node.name}, ${label}`}
        onClick={() => job && onSelect?.(job)}
        onKeyDown={e => {
          if (job && (e.key === 'Enter' || e.key === ' ')) {
            onSelect?.(job);
          }
        }}
      >
        <rect
          width={width}
          height={HEIGHT}
          rx={8}
          fill={workloadStateColor(node.state)}
        />
        <text className={classes.name} x={PADDING} y={19}>
          {node.name}
        </text>
        <text className={classes.state} x={PADDING} y={35}>
          {label}
        </text>
      </g>
    );
  };

  return (
    <DependencyGraph<JobNodeData, {}>
      nodes={nodes}
      edges={edges}
      direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
      renderNode={renderNode}
      showArrowHeads
      zoom="enable-on-click"
      allowFullscreen={false}
      rankMargin={60}
    />
  );
}
