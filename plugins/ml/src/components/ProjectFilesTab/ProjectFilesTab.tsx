import { useCallback, useMemo, useRef, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloudUploadIcon from '@material-ui/icons/CloudUpload';
import CreateNewFolderIcon from '@material-ui/icons/CreateNewFolder';
import EditIcon from '@material-ui/icons/Edit';
import GetAppIcon from '@material-ui/icons/GetApp';
import NoteAddIcon from '@material-ui/icons/NoteAdd';
import RefreshIcon from '@material-ui/icons/Refresh';
import { Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useProjectFiles } from '../../hooks/useProjectFiles';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { describeError } from '../../lib/errors';
import {
  FileTreeNode,
  buildFileTree,
  joinPath,
  parentDir,
} from '../../lib/files';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorSnackbar } from '../ErrorSnackbar';
import { FilePanel } from '../FilePanel';
import { FileTree } from '../FileTree';
import { PathDialog } from '../PathDialog';
import { DeleteButton, GatedButton } from '../GatedButton';
import { ReadOnlyNotice } from '../RoleGate';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  tree: {
    padding: theme.spacing(1),
    maxHeight: '65vh',
    overflow: 'auto',
  },
}));

/** @public */
export interface ProjectFilesTabProps {
  project: Project;
}

type PathAction = 'file' | 'folder' | 'rename';

/**
 * Browse, edit, upload and download the files of a project; changing them
 * needs the contributor role, the others see them read-only.
 */
export function ProjectFilesTab(props: ProjectFilesTabProps) {
  const projectId = props.project.id;
  const classes = useStyles();
  const api = useApi(mlApiRef);
  const access = useProjectAccess(projectId);
  const uploadInput = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<FileTreeNode>();
  const [openFile, setOpenFile] = useState<FileTreeNode>();
  const [dirty, setDirty] = useState(false);
  const [pendingSelection, setPendingSelection] = useState<FileTreeNode>();
  const [pathAction, setPathAction] = useState<PathAction>();
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const listing = useProjectFiles(projectId);
  const nodes = useMemo(
    () => buildFileTree(listing.value ?? []),
    [listing.value],
  );
  const onDirtyChange = useCallback((value: boolean) => setDirty(value), []);

  // Where new files, folders and uploads go.
  let currentDir = '';
  if (selected) {
    currentDir =
      selected.type === 'directory' ? selected.path : parentDir(selected.path);
  }

  const select = (node: FileTreeNode) => {
    setSelected(node);
    if (node.type === 'file') {
      setOpenFile(node);
      setDirty(false);
    }
  };

  const requestSelect = (node: FileTreeNode) => {
    if (dirty && node.type === 'file' && node.path !== openFile?.path) {
      setPendingSelection(node);
    } else {
      select(node);
    }
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setActionError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const onPathSubmit = async (path: string) => {
    if (pathAction === 'file') {
      const entry = await api.writeFile(projectId, path, '');
      listing.retry();
      select({ ...entry, path, type: 'file', children: [] });
    } else if (pathAction === 'folder') {
      await api.createDirectory(projectId, path);
      listing.retry();
      setSelected({
        path,
        name: path.split('/').pop()!,
        type: 'directory',
        size: 0,
        children: [],
      });
    } else if (pathAction === 'rename' && selected) {
      await api.renameFile(projectId, selected.path, path);
      listing.retry();
      const renamed = { ...selected, path, name: path.split('/').pop()! };
      setSelected(renamed);
      if (openFile && openFile.path === selected.path) {
        setOpenFile(renamed);
      } else if (openFile?.path.startsWith(`${selected.path}/`)) {
        setOpenFile(undefined);
      }
    }
  };

  const upload = (files: FileList | null) =>
    run(async () => {
      for (const file of Array.from(files ?? [])) {
        await api.writeFile(projectId, joinPath(currentDir, file.name), file);
      }
      listing.retry();
    });

  const downloadArchive = () =>
    run(async () => {
      const blob = await api.downloadArchive(projectId);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${props.project.name}.tar.gz`;
      link.click();
      URL.revokeObjectURL(url);
    });

  const deleteSelected = async () => {
    if (!selected) {
      return;
    }
    await api.deleteFile(projectId, selected.path);
    if (
      openFile &&
      (openFile.path === selected.path ||
        openFile.path.startsWith(`${selected.path}/`))
    ) {
      setOpenFile(undefined);
      setDirty(false);
    }
    setSelected(undefined);
    listing.retry();
  };

  let tree;
  if (listing.loading && !listing.value) {
    tree = <Progress />;
  } else if (listing.error) {
    tree = <ResponseErrorPanel error={listing.error} />;
  } else {
    tree = (
      <FileTree
        nodes={nodes}
        selected={selected?.path ?? ''}
        onSelect={requestSelect}
      />
    );
  }

  const pathDialogs: Record<PathAction, { title: string; label: string }> = {
    file: { title: 'New file', label: 'Create' },
    folder: { title: 'New folder', label: 'Create' },
    rename: { title: `Rename ${selected?.path ?? ''}`, label: 'Rename' },
  };

  return (
    <Grid container spacing={3}>
      <ReadOnlyNotice access={access} requires="contributor" changing="files" />
      <Grid item xs={12} md={4}>
        <Paper variant="outlined">
          <div className={classes.toolbar}>
            <GatedButton
              requires={{ access, role: 'contributor' }}
              size="small"
              startIcon={<NoteAddIcon />}
              onClick={() => setPathAction('file')}
            >
              New file
            </GatedButton>
            <GatedButton
              requires={{ access, role: 'contributor' }}
              size="small"
              startIcon={<CreateNewFolderIcon />}
              onClick={() => setPathAction('folder')}
            >
              New folder
            </GatedButton>
            <GatedButton
              requires={{ access, role: 'contributor' }}
              size="small"
              startIcon={<CloudUploadIcon />}
              onClick={() => uploadInput.current?.click()}
              disabled={busy}
            >
              Upload
            </GatedButton>
            <input
              ref={uploadInput}
              type="file"
              multiple
              hidden
              disabled={!access.canWrite}
              aria-label="Upload files"
              onChange={e => {
                upload(e.target.files);
                e.target.value = '';
              }}
            />
            <GatedButton
              requires={{ access, role: 'contributor' }}
              size="small"
              startIcon={<EditIcon />}
              onClick={() => setPathAction('rename')}
              disabled={!selected}
            >
              Rename
            </GatedButton>
            <DeleteButton
              requires={{ access, role: 'contributor' }}
              size="small"
              onClick={() => setDeleting(true)}
              disabled={!selected}
            />
            <Button
              size="small"
              startIcon={<GetAppIcon />}
              onClick={downloadArchive}
              disabled={busy}
            >
              Download archive
            </Button>
            <Button
              size="small"
              startIcon={<RefreshIcon />}
              onClick={() => listing.retry()}
              aria-label="Refresh files"
            >
              Refresh
            </Button>
          </div>
          <div className={classes.tree}>{tree}</div>
        </Paper>
      </Grid>
      <Grid item xs={12} md={8}>
        {openFile ? (
          <FilePanel
            projectId={projectId}
            file={openFile}
            readOnly={!access.canWrite}
            onDirtyChange={onDirtyChange}
          />
        ) : (
          <Box padding={2}>
            <Typography color="textSecondary">
              Choose a file to view or edit it.
            </Typography>
          </Box>
        )}
      </Grid>
      <PathDialog
        open={Boolean(pathAction) && access.canWrite}
        title={pathAction ? pathDialogs[pathAction].title : ''}
        submitLabel={pathAction ? pathDialogs[pathAction].label : ''}
        initialPath={
          pathAction === 'rename'
            ? selected?.path ?? ''
            : `${currentDir ? `${currentDir}/` : ''}`
        }
        onSubmit={onPathSubmit}
        onClose={() => setPathAction(undefined)}
      />
      <ConfirmDialog
        open={deleting && access.canWrite}
        title={`Delete ${selected?.path ?? ''}?`}
        onConfirm={deleteSelected}
        onClose={() => setDeleting(false)}
      >
        {selected?.type === 'directory'
          ? 'The folder and everything in it will be deleted.'
          : 'The file will be deleted.'}
      </ConfirmDialog>
      <ConfirmDialog
        open={Boolean(pendingSelection)}
        title="Discard unsaved changes?"
        confirmLabel="Discard"
        onConfirm={async () => {
          if (pendingSelection) {
            select(pendingSelection);
          }
        }}
        onClose={() => setPendingSelection(undefined)}
      >
        {`${openFile?.path ?? 'The open file'} has changes that are not saved.`}
      </ConfirmDialog>
      <ErrorSnackbar
        message={actionError}
        onClose={() => setActionError(undefined)}
      />
    </Grid>
  );
}
