import { useApi } from '@backstage/core-plugin-api';
import {
  CollaboratorRole,
  Project,
  ProjectVisibility,
  Workspace,
  explainInvalidName,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useDialogForm } from '../../hooks/useDialogForm';
import { wholeError } from '../../lib/errors';
import { titleAndName } from '../../lib/titles';
import { VISIBILITY_OPTIONS } from '../../lib/roles';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import { FormTextField, SelectField } from '../FormFields';
import { OwnerFields } from './OwnerFields';

/** @public */
export interface NewProjectDialogProps extends DialogOpenProps {
  workspaces: Workspace[];
  /** Preselects a workspace, e.g. when opened from a workspace's page. */
  defaultWorkspace?: string;
  onCreated: (project: Project) => void;
}

interface FormState {
  name: string;
  title: string;
  description: string;
  workspace: string;
  visibility: ProjectVisibility;
  /** Undefined: the user, whom the backend makes the owner by default. */
  owner?: string;
  teamRole: CollaboratorRole;
}

const emptyForm = (): FormState => ({
  name: '',
  title: '',
  description: '',
  workspace: '',
  visibility: 'private',
  owner: undefined,
  teamRole: 'contributor',
});

/**
 * Creates a project; the name becomes a URL segment, hence the DNS rules. The
 * user owns it, or gives it to one of their groups with a team role.
 */
export function NewProjectDialog(props: NewProjectDialogProps) {
  const { open, workspaces, defaultWorkspace, onClose, onCreated } = props;
  const api = useApi(mlApiRef);
  // Derived rather than stored so that a workspace list that arrives after the
  // dialog opened still preselects something.
  const workspaceOf = (form: FormState) =>
    form.workspace || defaultWorkspace || workspaces[0]?.name || '';

  const form = useDialogForm({
    open,
    initialValues: emptyForm,
    validate: values => ({ name: explainInvalidName(values.name) }),
    canSubmit: values => Boolean(workspaceOf(values)),
    onSubmit: values =>
      api.createProject({
        workspace: workspaceOf(values),
        name: values.name,
        title: values.title.trim() || undefined,
        description: values.description,
        visibility: values.visibility,
        ...(values.owner
          ? { owner: values.owner, teamRole: values.teamRole }
          : {}),
      }),
    onSuccess: onCreated,
    describeFailure: wholeError,
  });
  const { values, setValues: set, touched, fieldProps } = form;
  const workspace = workspaceOf(values);
  const nameProblem = touched ? form.problems.name : undefined;

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      titleId="ml-new-project-title"
      title="New project"
      submitLabel="Create"
      form={form}
      submitDisabled={!workspace}
    >
      <FormTextField
        id="ml-new-project-name"
        label="Name"
        {...fieldProps('name')}
        onBlur={() => form.setTouched(true)}
        problem={nameProblem ? `Name ${nameProblem}` : undefined}
        help='Lowercase letters, digits and "-"; used in URLs'
      />
      <FormTextField
        id="ml-new-project-title-field"
        label="Title"
        {...fieldProps('title')}
      />
      <FormTextField
        id="ml-new-project-description"
        label="Description"
        {...fieldProps('description')}
        multiline
        minRows={2}
      />
      <SelectField
        id="ml-new-project-workspace"
        label="Workspace"
        {...fieldProps('workspace')}
        value={workspace}
        error={touched && !workspace}
        help={
          workspaces.length === 0
            ? 'No workspace exists yet; ask an administrator for one'
            : undefined
        }
        options={workspaces.map(w => ({
          value: w.name,
          label: titleAndName(w),
        }))}
      />
      <OwnerFields
        owner={values.owner}
        teamRole={values.teamRole}
        onOwnerChange={owner => set({ owner })}
        onTeamRoleChange={teamRole => set({ teamRole })}
      />
      <SelectField
        id="ml-new-project-visibility"
        label="Visibility"
        value={values.visibility}
        onChange={visibility =>
          set({ visibility: visibility as ProjectVisibility })
        }
        options={VISIBILITY_OPTIONS}
      />
    </FormDialog>
  );
}
