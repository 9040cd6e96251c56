import { useMemo, useRef, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import { Project, Workload } from '@ml-platform/plugin-ml-common';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { useProjectFiles } from '../../hooks/useProjectFiles';
import { buildFileTree, FileTreeNode } from '../../lib/files';
import { FilePanel } from '../FilePanel';
import { FileTree } from '../FileTree';
import { SessionConsole, SessionConsoleHandle } from '../SessionConsole';
import { SplitPane } from '../SplitPane';

const useStyles = makeStyles(theme => ({
  files: { padding: theme.spacing(1.5), height: '100%' },
  tree: {
    maxHeight: '24vh',
    overflow: 'auto',
    marginBottom: theme.spacing(1.5),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
}));

/** @public */
export interface SessionWorkbenchProps {
  project: Project;
  session: Workload;
}

/**
 * CML's workbench: the project's files and an editor on one side, the
 * session's console on the other, and buttons that send the open file or
 * the selected lines to the console.
 */
export function SessionWorkbench(props: SessionWorkbenchProps) {
  const { project, session } = props;
  const classes = useStyles();
  const access = useProjectAccess(project.id);
  const consoleRef = useRef<SessionConsoleHandle>(null);
  const listing = useProjectFiles(project.id);
  const nodes = useMemo(
    () => buildFileTree(listing.value ?? []),
    [listing.value],
  );
  const [openFile, setOpenFile] = useState<FileTreeNode>();
  const running = session.state === 'running';
  const mayRun = running && access.canWrite;

  let tree;
  if (listing.loading) tree = <Progress />;
  else if (listing.error) tree = <ResponseErrorPanel error={listing.error} />;
  else
    tree = (
      <FileTree
        nodes={nodes}
        selected={openFile?.path ?? ''}
        onSelect={node => node.type === 'file' && setOpenFile(node)}
      />
    );

  const files = (
    <Paper variant="outlined" className={classes.files}>
      <Box className={classes.tree}>{tree}</Box>
      {openFile ? (
        <FilePanel
          projectId={project.id}
          file={openFile}
          readOnly={!access.canWrite}
          onDirtyChange={() => {}}
          actions={({ text, selection }) => (
            <>
              <Button
                startIcon={<PlayArrowIcon />}
                disabled={!mayRun || !text.trim()}
                onClick={() => consoleRef.current?.run(text)}
              >
                Run file
              </Button>
              <Button
                disabled={!mayRun || !selection.trim()}
                onClick={() => consoleRef.current?.run(selection)}
              >
                Run selection
              </Button>
            </>
          )}
        />
      ) : (
        <Typography variant="body2" color="textSecondary">
          Open a file to edit it, or to run it (or a selection of it) in the
          console.
        </Typography>
      )}
    </Paper>
  );

  return (
    <SplitPane
      label="Resize the files and the console"
      initialPercent={50}
      left={files}
      right={
        <SessionConsole
          ref={consoleRef}
          projectId={project.id}
          sessionId={session.id}
          running={running}
        />
      }
    />
  );
}
