import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormHelperText from '@material-ui/core/FormHelperText';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  NodeGroup,
  explainInvalidName,
  parseCpuMillis,
  parseMemoryMiB,
} from '@ml-platform/plugin-ml-common';

/** A node group as typed: quantities stay text until they are valid. */
export interface NodeGroupDraft {
  key: number;
  name: string;
  cpu: string;
  memory: string;
  gpu: string;
  minNodes: string;
  maxNodes: string;
  scaleUpDelaySeconds: string;
}

type DraftField = Exclude<keyof NodeGroupDraft, 'key'>;

// Row keys only need to be unique within the page.
let nextKey = 1;

export function draftsOf(groups: NodeGroup[]): NodeGroupDraft[] {
  return groups.map(g => ({
    key: nextKey++,
    name: g.name,
    cpu: String(g.cpu),
    memory:
      g.memoryMiB % 1024 === 0 ? `${g.memoryMiB / 1024}Gi` : `${g.memoryMiB}Mi`,
    gpu: String(g.gpu),
    minNodes: String(g.minNodes),
    maxNodes: String(g.maxNodes),
    scaleUpDelaySeconds: String(g.scaleUpDelaySeconds),
  }));
}

export function emptyDraft(): NodeGroupDraft {
  return {
    key: nextKey++,
    name: '',
    cpu: '4',
    memory: '16Gi',
    gpu: '0',
    minNodes: '0',
    maxNodes: '3',
    scaleUpDelaySeconds: '30',
  };
}

const int = (text: string) =>
  /^\d+$/.test(text.trim()) ? Number(text) : undefined;

/** The problem of each field of a row, if any. */
export function draftProblems(
  draft: NodeGroupDraft,
  drafts: NodeGroupDraft[],
): Partial<Record<DraftField, string>> {
  const cpu = parseCpuMillis(draft.cpu);
  const memory = parseMemoryMiB(draft.memory);
  const min = int(draft.minNodes);
  const max = int(draft.maxNodes);
  const delay = int(draft.scaleUpDelaySeconds);
  const problems: Partial<Record<DraftField, string>> = {
    name:
      explainInvalidName(draft.name) ??
      (drafts.some(d => d.key !== draft.key && d.name === draft.name)
        ? 'used twice'
        : undefined),
    cpu: !cpu ? 'more than 0, e.g. 4 or 500m' : undefined,
    memory: !memory ? 'more than 0, e.g. 16Gi' : undefined,
    gpu: int(draft.gpu) === undefined ? 'a whole number' : undefined,
    minNodes: min === undefined ? 'a whole number' : undefined,
    maxNodes:
      max === undefined || max < 1 || (min !== undefined && max < min)
        ? 'at least 1 and at least min'
        : undefined,
    scaleUpDelaySeconds:
      delay === undefined || delay > 3600 ? '0 to 3600 seconds' : undefined,
  };
  return problems;
}

/** The groups as the API takes them, or undefined while any row is invalid. */
export function groupsOf(drafts: NodeGroupDraft[]): NodeGroup[] | undefined {
  if (
    drafts.length === 0 ||
    drafts.some(d => Object.values(draftProblems(d, drafts)).some(Boolean))
  ) {
    return undefined;
  }
  return drafts.map(d => ({
    name: d.name,
    cpu: parseCpuMillis(d.cpu)! / 1000,
    memoryMiB: parseMemoryMiB(d.memory)!,
    gpu: Number(d.gpu),
    minNodes: Number(d.minNodes),
    maxNodes: Number(d.maxNodes),
    scaleUpDelaySeconds: Number(d.scaleUpDelaySeconds),
  }));
}

const COLUMNS: { field: DraftField; label: string; flex: number }[] = [
  { field: 'name', label: 'Name', flex: 2 },
  { field: 'cpu', label: 'vCPU', flex: 1 },
  { field: 'memory', label: 'Memory', flex: 1 },
  { field: 'gpu', label: 'GPU', flex: 1 },
  { field: 'minNodes', label: 'Min nodes', flex: 1 },
  { field: 'maxNodes', label: 'Max nodes', flex: 1 },
  { field: 'scaleUpDelaySeconds', label: 'Scale-up delay (s)', flex: 1.6 },
];

/** @public */
export interface NodeGroupsEditorProps {
  drafts: NodeGroupDraft[];
  onChange: (drafts: NodeGroupDraft[]) => void;
  /** Show every row's problems (after a submit attempt). */
  showProblems: boolean;
  /** What the server said about the node groups. */
  serverError?: string;
}

/**
 * Rows of node groups: the size of each node and how far the group scales.
 * The scale-up delay simulates (or, on Kubernetes, expects) the time a new
 * node takes to become ready.
 */
export function NodeGroupsEditor(props: NodeGroupsEditorProps) {
  const { drafts, onChange, showProblems, serverError } = props;
  const update = (key: number, field: DraftField, value: string) =>
    onChange(drafts.map(d => (d.key === key ? { ...d, [field]: value } : d)));

  return (
    <Box marginTop={2}>
      <Typography variant="subtitle2">Node groups</Typography>
      {/* Column headings once, rather than a label in every row. */}
      <Box display="flex" marginTop={1} aria-hidden>
        {COLUMNS.map(column => (
          <Box key={column.field} flex={column.flex} marginRight={1}>
            <Typography variant="caption" color="textSecondary">
              {column.label}
            </Typography>
          </Box>
        ))}
        <Box width={48} />
      </Box>
      {drafts.map((draft, index) => {
        const problems = showProblems ? draftProblems(draft, drafts) : {};
        return (
          <Box key={draft.key} display="flex" alignItems="flex-start">
            {COLUMNS.map(column => (
              <Box key={column.field} flex={column.flex} marginRight={1}>
                <TextField
                  id={`ml-node-group-${draft.key}-${column.field}`}
                  value={draft[column.field]}
                  onChange={e =>
                    update(draft.key, column.field, e.target.value)
                  }
                  error={Boolean(problems[column.field])}
                  helperText={problems[column.field]}
                  inputProps={{
                    'aria-label': `Node group ${index + 1} ${column.label}`,
                  }}
                  fullWidth
                  margin="dense"
                />
              </Box>
            ))}
            <Box width={48}>
              <IconButton
                aria-label={`Remove node group ${draft.name || index + 1}`}
                onClick={() =>
                  onChange(drafts.filter(d => d.key !== draft.key))
                }
                disabled={drafts.length === 1}
              >
                <DeleteIcon />
              </IconButton>
            </Box>
          </Box>
        );
      })}
      {serverError && <FormHelperText error>{serverError}</FormHelperText>}
      {showProblems && drafts.length === 0 && (
        <FormHelperText error>
          A workspace needs at least one node group
        </FormHelperText>
      )}
      <Button
        startIcon={<AddIcon />}
        onClick={() => onChange([...drafts, emptyDraft()])}
      >
        Add node group
      </Button>
    </Box>
  );
}
