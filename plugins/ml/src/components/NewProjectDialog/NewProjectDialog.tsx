import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import {
  CollaboratorRole,
  Project,
  ProjectVisibility,
  Workspace,
  explainInvalidName,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { describeError } from '../../lib/errors';
import { VISIBILITIES, describeVisibility } from '../../lib/roles';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { ErrorAlert } from '../ErrorAlert';
import { OwnerFields } from './OwnerFields';

/** @public */
export interface NewProjectDialogProps {
  open: boolean;
  workspaces: Workspace[];
  /** Preselects a workspace, e.g. when opened from a workspace's page. */
  defaultWorkspace?: string;
  onClose: () => void;
  onCreated: (project: Project) => void;
}

/**
 * Creates a project; the name becomes a URL segment, hence the DNS rules. The
 * user owns it, or gives it to one of their groups with a team role.
 */
export function NewProjectDialog(props: NewProjectDialogProps) {
  const { open, workspaces, defaultWorkspace, onClose, onCreated } = props;
  const api = useApi(mlApiRef);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [chosenWorkspace, setWorkspace] = useState('');
  const [visibility, setVisibility] = useState<ProjectVisibility>('private');
  // Undefined: the user, whom the backend makes the owner by default.
  const [owner, setOwner] = useState<string>();
  const [teamRole, setTeamRole] = useState<CollaboratorRole>('contributor');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (open) {
      setName('');
      setTitle('');
      setDescription('');
      setVisibility('private');
      setOwner(undefined);
      setTeamRole('contributor');
      setTouched(false);
      setError(undefined);
      setWorkspace('');
    }
  }, [open]);

  // Derived rather than stored so that a workspace list that arrives after the
  // dialog opened still preselects something.
  const workspace =
    chosenWorkspace || defaultWorkspace || workspaces[0]?.name || '';

  const nameProblem = explainInvalidName(name);
  const showNameProblem = touched && nameProblem;

  const create = async () => {
    setTouched(true);
    if (nameProblem || !workspace) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const project = await api.createProject({
        workspace,
        name,
        title: title.trim() || undefined,
        description,
        visibility,
        ...(owner ? { owner, teamRole } : {}),
      });
      onCreated(project);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="ml-new-project-title"
    >
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          create();
        }}
      >
        <DialogTitle id="ml-new-project-title">New project</DialogTitle>
        <DialogContent>
          <ErrorAlert message={error} />
          <TextField
            id="ml-new-project-name"
            label="Name"
            value={name}
            onChange={e => setName(e.target.value)}
            onBlur={() => setTouched(true)}
            error={Boolean(showNameProblem)}
            helperText={
              showNameProblem
                ? `Name ${nameProblem}`
                : 'Lowercase letters, digits and "-"; used in URLs'
            }
            fullWidth
            margin="normal"
          />
          <TextField
            id="ml-new-project-title-field"
            label="Title"
            value={title}
            onChange={e => setTitle(e.target.value)}
            fullWidth
            margin="normal"
          />
          <TextField
            id="ml-new-project-description"
            label="Description"
            value={description}
            onChange={e => setDescription(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            margin="normal"
          />
          <TextField
            id="ml-new-project-workspace"
            label="Workspace"
            select
            SelectProps={{ native: true }}
            value={workspace}
            onChange={e => setWorkspace(e.target.value)}
            error={touched && !workspace}
            helperText={
              workspaces.length === 0
                ? 'No workspace exists yet; ask an administrator for one'
                : undefined
            }
            fullWidth
            margin="normal"
          >
            {workspaces.map(w => (
              <option key={w.name} value={w.name}>
                {w.title && w.title !== w.name
                  ? `${w.title} (${w.name})`
                  : w.name}
              </option>
            ))}
          </TextField>
          <OwnerFields
            owner={owner}
            teamRole={teamRole}
            onOwnerChange={setOwner}
            onTeamRoleChange={setTeamRole}
          />
          <TextField
            id="ml-new-project-visibility"
            label="Visibility"
            select
            SelectProps={{ native: true }}
            value={visibility}
            onChange={e => setVisibility(e.target.value as ProjectVisibility)}
            fullWidth
            margin="normal"
          >
            {VISIBILITIES.map(v => (
              <option key={v} value={v}>
                {describeVisibility(v)}
              </option>
            ))}
          </TextField>
        </DialogContent>
        <DialogSubmitActions
          submitLabel="Create"
          busy={busy}
          onCancel={onClose}
          submitDisabled={!workspace}
        />
      </form>
    </Dialog>
  );
}
