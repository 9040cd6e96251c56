import { useState } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import DescriptionOutlinedIcon from '@material-ui/icons/DescriptionOutlined';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import FolderOutlinedIcon from '@material-ui/icons/FolderOutlined';
import TreeItem from '@material-ui/lab/TreeItem';
import TreeView from '@material-ui/lab/TreeView';
import Alert from '@material-ui/lab/Alert';
import { FileInfo, MlflowModelVersion, MlflowRun } from '../../../api';
import { ProjectAccess } from '../../../hooks/useProjectAccess';
import { describeError } from '../../../lib/errors';
import { projectIdFromSlug } from '../../../lib/projectSlug';
import { registeredModelRouteRef } from '../../../routes';
import { ErrorAlert } from '../../ErrorAlert';
import { GatedButton } from '../../GatedButton';
import { RegisterModelDialog } from '../../registry/RegisterModelDialog';
import { artifactName } from '../artifacts';
import { ArtifactPreview } from './ArtifactPreview';
import { ArtifactDirectory, useArtifactTree } from './useArtifactTree';

const useStyles = makeStyles(theme => ({
  label: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    padding: theme.spacing(0.25, 0),
  },
  icon: { fontSize: '1.1rem', color: theme.palette.text.secondary },
}));

export interface ArtifactsBrowserProps {
  run: MlflowRun;
  /** The `:projectId` of the links: the project's slug. */
  projectId: string;
  /** Registering an artifact as a model is the contributor's. */
  access: ProjectAccess;
}

/** The items of one listed directory; a placeholder until it is listed. */
function DirectoryItems(props: {
  path: string;
  directories: Record<string, ArtifactDirectory>;
}) {
  const { path, directories } = props;
  const classes = useStyles();
  const directory = directories[path];
  if (!directory?.files) {
    return (
      <TreeItem
        nodeId={`${path}/…`}
        label={directory?.error ? describeError(directory.error) : 'Loading…'}
      />
    );
  }
  return (
    <>
      {directory.files.map(file => {
        const Icon = file.is_dir ? FolderOutlinedIcon : DescriptionOutlinedIcon;
        return (
          <TreeItem
            key={file.path}
            nodeId={file.path}
            label={
              <span className={classes.label}>
                <Icon className={classes.icon} />
                {artifactName(file.path)}
              </span>
            }
          >
            {file.is_dir ? (
              <DirectoryItems path={file.path} directories={directories} />
            ) : undefined}
          </TreeItem>
        );
      })}
    </>
  );
}

/**
 * The run's artifacts as a tree, listed a directory at a time, the selected
 * file's preview, and "Register model" for the selected folder or file.
 */
export function ArtifactsBrowser(props: ArtifactsBrowserProps) {
  const { run, projectId, access } = props;
  const modelLink = useRouteRef(registeredModelRouteRef);
  const { directories, load } = useArtifactTree(run.info.run_id);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<FileInfo>();
  // The selected node, a folder or a file: what "Register model" takes.
  const [chosen, setChosen] = useState<FileInfo>();
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<MlflowModelVersion>();
  const root = directories[''];
  const byPath = new Map<string, FileInfo>();
  for (const directory of Object.values(directories)) {
    directory.files?.forEach(f => byPath.set(f.path, f));
  }

  let tree: JSX.Element;
  if (root?.error) {
    tree = <ErrorAlert message={describeError(root.error)} />;
  } else if (!root?.files) {
    tree = <Progress />;
  } else if (root.files.length === 0) {
    tree = (
      <Typography color="textSecondary">
        No artifacts. mlflow.log_artifact() and model logging put files here.
      </Typography>
    );
  } else {
    tree = (
      <TreeView
        aria-label="Artifacts"
        defaultCollapseIcon={<ExpandMoreIcon />}
        defaultExpandIcon={<ChevronRightIcon />}
        expanded={expanded}
        selected={chosen?.path ?? ''}
        onNodeToggle={(_event: unknown, nodeIds: string[]) => {
          nodeIds.forEach(load);
          setExpanded(nodeIds);
        }}
        onNodeSelect={(_event: unknown, nodeId: string) => {
          const file = byPath.get(nodeId);
          if (file) setChosen(file);
          if (file && !file.is_dir) setSelected(file);
        }}
      >
        <DirectoryItems path="" directories={directories} />
      </TreeView>
    );
  }

  return (
    <InfoCard
      title="Artifacts"
      action={
        <GatedButton
          requires={{ access, role: 'contributor' }}
          disabled={!chosen}
          onClick={() => setRegistering(true)}
        >
          Register model
        </GatedButton>
      }
    >
      {registered && (
        <Alert severity="success">
          Registered{' '}
          <Link
            to={modelLink({ projectId, modelName: registered.name })}
          >{`${registered.name} v${registered.version}`}</Link>
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid item xs={12} md={4}>
          {tree}
        </Grid>
        <Grid item xs={12} md={8}>
          {selected && run.info.artifact_uri ? (
            <ArtifactPreview
              key={selected.path}
              artifactUri={run.info.artifact_uri}
              file={selected}
            />
          ) : (
            <Typography color="textSecondary">
              Select a file to preview it, or a model's folder to register it.
            </Typography>
          )}
        </Grid>
      </Grid>
      {chosen && (
        <RegisterModelDialog
          open={registering}
          projectId={projectIdFromSlug(projectId)}
          runId={run.info.run_id}
          path={chosen.path}
          onClose={() => setRegistering(false)}
          onRegistered={version => {
            setRegistering(false);
            setRegistered(version);
          }}
        />
      )}
    </InfoCard>
  );
}
