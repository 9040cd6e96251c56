import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import DescriptionOutlinedIcon from '@material-ui/icons/DescriptionOutlined';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import FolderOutlinedIcon from '@material-ui/icons/FolderOutlined';
import TreeItem from '@material-ui/lab/TreeItem';
import TreeView from '@material-ui/lab/TreeView';
import { FileTreeNode, ancestorDirs } from '../../lib/files';

const useStyles = makeStyles(theme => ({
  label: {
    display: 'flex',
    alignItems: 'center',
    padding: theme.spacing(0.25, 0),
    gap: theme.spacing(0.75),
  },
  icon: {
    fontSize: '1.1rem',
    color: theme.palette.text.secondary,
  },
}));

/** @public */
export interface FileTreeProps {
  nodes: FileTreeNode[];
  /** Path of the selected file or directory, '' for none. */
  selected: string;
  onSelect: (node: FileTreeNode) => void;
}

function indexNodes(
  nodes: FileTreeNode[],
  into = new Map<string, FileTreeNode>(),
) {
  for (const node of nodes) {
    into.set(node.path, node);
    indexNodes(node.children, into);
  }
  return into;
}

/** The project's files as a tree; directories open on click. */
export function FileTree(props: FileTreeProps) {
  const { nodes, selected, onSelect } = props;
  const classes = useStyles();
  const [expanded, setExpanded] = useState<string[]>([]);
  const byPath = indexNodes(nodes);

  // Keep the selection in view when it was made elsewhere (a new file, say).
  useEffect(() => {
    const needed = ancestorDirs(selected);
    setExpanded(current => {
      const missing = needed.filter(path => !current.includes(path));
      return missing.length ? [...current, ...missing] : current;
    });
  }, [selected]);

  if (nodes.length === 0) {
    return (
      <Box padding={2}>
        <Typography color="textSecondary">
          This project has no files yet.
        </Typography>
      </Box>
    );
  }

  const renderNode = (node: FileTreeNode) => (
    <TreeItem
      key={node.path}
      nodeId={node.path}
      label={
        <span className={classes.label}>
          {node.type === 'directory' ? (
            <FolderOutlinedIcon className={classes.icon} />
          ) : (
            <DescriptionOutlinedIcon className={classes.icon} />
          )}
          {node.name}
        </span>
      }
    >
      {node.type === 'directory' ? node.children.map(renderNode) : null}
    </TreeItem>
  );

  return (
    <TreeView
      aria-label="Project files"
      defaultCollapseIcon={<ExpandMoreIcon />}
      defaultExpandIcon={<ChevronRightIcon />}
      expanded={expanded}
      selected={selected}
      onNodeToggle={(_, ids: string[]) => setExpanded(ids)}
      onNodeSelect={(_: unknown, id: string) => {
        const node = byPath.get(id);
        if (node) {
          onSelect(node);
        }
      }}
    >
      {nodes.map(renderNode)}
    </TreeView>
  );
}
