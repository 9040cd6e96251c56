import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  OWNER_REF_PATTERN,
  Workspace,
  explainInvalidName,
  parseCpuMillis,
  parseMemoryMiB,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useDialogForm } from '../../hooks/useDialogForm';
import {
  NodeGroupDraft,
  NodeGroupsEditor,
  draftsOf,
  emptyDraft,
  groupsOf,
} from '../NodeGroupsEditor';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import { FormRow, FormTextField } from '../FormFields';

/** @public */
export interface WorkspaceDialogProps extends DialogOpenProps {
  /** The workspace to edit; a new one when absent. */
  workspace?: Workspace;
  onSaved: (workspace: Workspace) => void;
}

interface FormState {
  name: string;
  title: string;
  description: string;
  owner: string;
  drafts: NodeGroupDraft[];
  quotaCpu: string;
  quotaMemory: string;
  quotaGpu: string;
}

function initialState(workspace?: Workspace): FormState {
  return {
    name: workspace?.name ?? '',
    title: workspace?.title ?? '',
    description: workspace?.description ?? '',
    owner: workspace?.owner ?? '',
    drafts: workspace ? draftsOf(workspace.nodeGroups) : [emptyDraft()],
    quotaCpu: '2',
    quotaMemory: '8Gi',
    quotaGpu: '0',
  };
}

/** The default user quota as typed, in the API's units where valid. */
function parseQuota(form: FormState) {
  const cpuMillis = parseCpuMillis(form.quotaCpu);
  return {
    cpu: cpuMillis === undefined ? undefined : cpuMillis / 1000,
    memoryMiB: parseMemoryMiB(form.quotaMemory),
    gpu: /^\d+$/.test(form.quotaGpu.trim()) ? Number(form.quotaGpu) : undefined,
  };
}

/**
 * Creates a workspace (name, details, node groups, default user quota) or
 * edits one's details and node groups. The default quota of an existing
 * workspace is edited on its Quotas tab.
 */
export function WorkspaceDialog(props: WorkspaceDialogProps) {
  const { open, workspace, onClose, onSaved } = props;
  const api = useApi(mlApiRef);
  const editing = Boolean(workspace);

  const save = (form: FormState) => {
    const { name, title, description, owner } = form;
    const nodeGroups = groupsOf(form.drafts)!;
    if (workspace) {
      return api.updateWorkspace(workspace.name, {
        title: title.trim() || workspace.name,
        description,
        ...(owner ? { owner } : {}),
        nodeGroups,
      });
    }
    const quota = parseQuota(form);
    return api.createWorkspace({
      name,
      title: title.trim() || undefined,
      description,
      owner: owner || undefined,
      nodeGroups,
      defaultUserQuota: {
        cpu: quota.cpu!,
        memoryMiB: quota.memoryMiB!,
        gpu: quota.gpu!,
      },
    });
  };

  const form = useDialogForm({
    open,
    // Only when opened, not when the parent re-renders.
    initialValues: () => initialState(workspace),
    validate: values => {
      const { name, owner } = values;
      const quota = parseQuota(values);
      return {
        name: editing
          ? undefined
          : explainInvalidName(name) && `Name ${explainInvalidName(name)}`,
        owner:
          owner && !OWNER_REF_PATTERN.test(owner)
            ? 'A user or group ref such as group:default/ml-platform'
            : undefined,
        // An existing workspace's quota is not part of this form.
        ...(editing
          ? {}
          : {
              quotaCpu: quota.cpu === undefined && 'e.g. 2 or 500m',
              quotaMemory: quota.memoryMiB === undefined && 'e.g. 8Gi',
              quotaGpu: quota.gpu === undefined && 'a whole number',
            }),
      };
    },
    canSubmit: values => Boolean(groupsOf(values.drafts)),
    onSubmit: save,
    onSuccess: onSaved,
  });
  const {
    values,
    setValues: set,
    errorOf: shown,
    serverErrors,
    fieldProps,
  } = form;

  const quotaField = (
    field: 'quotaCpu' | 'quotaMemory' | 'quotaGpu',
    label: string,
  ) => (
    <FormTextField
      id={`ml-workspace-quota-${field.slice(5).toLowerCase()}`}
      label={label}
      {...fieldProps(field)}
      error={Boolean(shown(field) ?? serverErrors.defaultUserQuota)}
      margin="dense"
    />
  );

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      titleId="ml-workspace-dialog-title"
      title={workspace ? `Edit workspace ${workspace.name}` : 'New workspace'}
      submitLabel={workspace ? 'Save' : 'Create'}
      form={form}
    >
      {!editing && (
        <FormTextField
          id="ml-workspace-name"
          label="Name"
          {...fieldProps('name')}
          help='Lowercase letters, digits and "-"; used in URLs'
        />
      )}
      <FormTextField
        id="ml-workspace-title"
        label="Title"
        {...fieldProps('title')}
      />
      <FormTextField
        id="ml-workspace-description"
        label="Description"
        {...fieldProps('description')}
        multiline
        minRows={2}
      />
      <FormTextField
        id="ml-workspace-owner"
        label="Owner"
        {...fieldProps('owner')}
        help={
          editing
            ? 'A user or group ref'
            : 'A user or group ref; you when empty'
        }
      />
      <NodeGroupsEditor
        drafts={values.drafts}
        onChange={drafts => set({ drafts })}
        showProblems={form.touched}
        serverError={serverErrors.nodeGroups}
      />
      {!editing && (
        <Box marginTop={2}>
          <Typography variant="subtitle2">Default user quota</Typography>
          <Typography variant="body2" color="textSecondary">
            For users without a quota of their own
            {serverErrors.defaultUserQuota
              ? `: ${serverErrors.defaultUserQuota}`
              : ''}
          </Typography>
          <FormRow>
            {quotaField('quotaCpu', 'Quota vCPU')}
            {quotaField('quotaMemory', 'Quota memory')}
            {quotaField('quotaGpu', 'Quota GPU')}
          </FormRow>
        </Box>
      )}
    </FormDialog>
  );
}
