import { useApi } from '@backstage/core-plugin-api';
import { Job, Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useDialogForm } from '../../hooks/useDialogForm';
import { useProjectFiles } from '../../hooks/useProjectFiles';
import { useRuntimes } from '../../hooks/useRuntimes';
import {
  smallestFirst,
  useWorkspaceProfiles,
} from '../../hooks/useWorkspaceProfiles';
import { splitArgs } from '../../lib/args';
import { runtimeLabel } from '../../lib/runtimes';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import {
  EnvVarsField,
  envVarsFieldOf,
  FileField,
  FormRow,
  FormTextField,
  SelectField,
  SwitchField,
} from '../FormFields';
import { JobTriggerFields } from '../JobTriggerFields';
import { FormState, checkForm, initialState } from './jobForm';

/** @public */
export interface JobFormDialogProps extends DialogOpenProps {
  project: Project;
  /** The job to edit; a new job when absent. */
  job?: Job;
  /** The project's jobs, to choose a parent from. */
  jobs: Job[];
  onSaved: (job: Job) => void;
}

/**
 * Creates or edits a job: what to run, where, how often to retry, and what
 * triggers it. Problems the server reports appear under the fields they name.
 */
export function JobFormDialog(props: JobFormDialogProps) {
  const { open, project, job, jobs, onClose, onSaved } = props;
  const api = useApi(mlApiRef);
  const files = useProjectFiles(project.id, open);
  const profiles = smallestFirst(
    useWorkspaceProfiles(project.workspace, open).value ?? [],
  );
  // All runtimes: a job may still use one that was disabled since.
  const { runtimes } = useRuntimes(open);

  const runtimeOf = (form: FormState) =>
    form.runtimeId || runtimes.find(r => r.enabled)?.id || '';
  const profileOf = (form: FormState) =>
    form.profile || profiles[0]?.name || '';

  const save = async (form: FormState) => {
    const { trigger } = form;
    const { timeout, retries, backoff } = checkForm(form);
    const fields = {
      name: form.name.trim(),
      script: form.script.trim(),
      args: splitArgs(form.args),
      env: form.env,
      runtimeId: runtimeOf(form),
      profile: profileOf(form),
      maxRetries: retries!,
      retryBackoffSeconds: backoff!,
      enabled: form.enabled,
      timezone: trigger.timezone.trim() || 'UTC',
    };
    const schedule =
      trigger.kind === 'schedule' ? trigger.schedule.trim() : null;
    const parentJobId =
      trigger.kind === 'dependency' ? trigger.parentJobId : null;
    return job
      ? api.updateJob(project.id, job.id, {
          ...fields,
          // null clears what the job had: the API's PATCH semantics.
          timeoutSeconds: timeout,
          schedule,
          parentJobId,
        })
      : api.createJob(project.id, {
          ...fields,
          timeoutSeconds: timeout ?? undefined,
          schedule: schedule ?? undefined,
          parentJobId: parentJobId ?? undefined,
        });
  };

  const form = useDialogForm({
    open,
    // Only when opened: the job object changes as the page polls.
    initialValues: () => initialState(job),
    validate: values => checkForm(values).problems,
    canSubmit: values =>
      values.envValid && Boolean(runtimeOf(values) && profileOf(values)),
    onSubmit: save,
    onSuccess: onSaved,
  });
  const { values, setValues: set, errorOf: shown, fieldProps } = form;
  const runtimeId = runtimeOf(values);
  const usable = runtimes.filter(r => r.enabled || r.id === values.runtimeId);

  const numberField = (
    field: 'timeout' | 'retries' | 'backoff',
    apiField: string,
    label: string,
    help: string,
  ) => (
    <FormTextField
      id={`ml-job-${field}`}
      label={label}
      {...fieldProps(field, apiField)}
      help={help}
      inputProps={{ inputMode: 'numeric' }}
    />
  );

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      titleId="ml-job-form-title"
      title={job ? `Edit job ${job.name}` : 'New job'}
      submitLabel={job ? 'Save' : 'Create'}
      form={form}
    >
      <FormTextField id="ml-job-name" label="Name" {...fieldProps('name')} />
      <FileField
        id="ml-job-script"
        label="Script"
        {...fieldProps('script')}
        files={(files.value ?? [])
          .filter(f => f.type === 'file')
          .map(f => f.path)
          .sort()}
        help="A file of the project, run with the runtime"
      />
      <FormTextField
        id="ml-job-args"
        label="Arguments"
        {...fieldProps('args')}
        help="As on a command line; quote arguments with spaces"
      />
      <FormRow>
        <SelectField
          id="ml-job-runtime"
          label="Runtime"
          {...fieldProps('runtimeId')}
          value={runtimeId}
          options={usable.map(r => ({
            value: r.id,
            label: `${runtimeLabel(r)}${r.enabled ? '' : ' (disabled)'}`,
          }))}
        />
        <SelectField
          id="ml-job-profile"
          label="Profile"
          {...fieldProps('profile')}
          value={profileOf(values)}
          options={profiles.map(p => ({ value: p.name, label: p.name }))}
        />
      </FormRow>
      <FormRow>
        {numberField(
          'timeout',
          'timeoutSeconds',
          'Timeout (seconds)',
          'Empty for no limit',
        )}
        {numberField('retries', 'maxRetries', 'Retries', 'After a failure')}
        {numberField(
          'backoff',
          'retryBackoffSeconds',
          'Retry backoff (seconds)',
          'Doubles each retry',
        )}
      </FormRow>
      <JobTriggerFields
        value={values.trigger}
        onChange={trigger => set({ trigger })}
        parents={jobs.filter(j => j.id !== job?.id)}
        errors={{
          schedule: shown('schedule'),
          timezone: shown('timezone'),
          parentJobId: shown('parentJobId'),
        }}
      />
      <SwitchField label="Enabled" {...fieldProps('enabled')} />
      <EnvVarsField
        description="Override the project's environment for this job's runs"
        {...envVarsFieldOf(form)}
      />
    </FormDialog>
  );
}
