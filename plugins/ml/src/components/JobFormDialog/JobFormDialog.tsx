import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { Job, Project } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { splitArgs } from '../../lib/args';
import { fieldErrors } from '../../lib/errors';
import { runtimeLabel } from '../../lib/runtimes';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { EnvVarsEditor } from '../EnvVarsEditor';
import { ErrorAlert } from '../ErrorAlert';
import { JobTriggerFields } from '../JobTriggerFields';
import { FormState, checkForm, initialState } from './jobForm';

/** @public */
export interface JobFormDialogProps {
  open: boolean;
  project: Project;
  /** The job to edit; a new job when absent. */
  job?: Job;
  /** The project's jobs, to choose a parent from. */
  jobs: Job[];
  onClose: () => void;
  onSaved: (job: Job) => void;
}

/**
 * Creates or edits a job: what to run, where, how often to retry, and what
 * triggers it. Problems the server reports appear under the fields they name.
 */
export function JobFormDialog(props: JobFormDialogProps) {
  const { open, project, job, jobs, onClose, onSaved } = props;
  const api = useApi(mlApiRef);
  const [form, setForm] = useState<FormState>(() => initialState(job));
  // Remounts the env editor with the job's variables each time it opens.
  const [generation, setGeneration] = useState(0);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  useEffect(() => {
    if (open) {
      setForm(initialState(job));
      setGeneration(g => g + 1);
      setTouched(false);
      setServerErrors({});
      setGeneral(undefined);
    }
    // Only when opened: the job object changes as the page polls.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const choices = useAsync(async () => {
    if (!open) {
      return undefined;
    }
    // All runtimes: a job may still use one that was disabled since.
    const [files, profiles, runtimes] = await Promise.all([
      api.listFiles(project.id, { recursive: true }),
      api.listProfiles(project.workspace, { sort: '+name', pageSize: 100 }),
      api.listRuntimes({ all: true, pageSize: 500 }),
    ]);
    return {
      runtimes: runtimes.items,
      scripts: files
        .filter(f => f.type === 'file')
        .map(f => f.path)
        .sort(),
      // Smallest first: the default is the cheapest profile.
      profiles: [...profiles.items].sort(
        (a, b) => a.cpu - b.cpu || a.memoryMiB - b.memoryMiB || a.gpu - b.gpu,
      ),
    };
  }, [api, open, project.id, project.workspace]);

  const runtimes = choices.value?.runtimes ?? [];
  const usable = runtimes.filter(r => r.enabled || r.id === form.runtimeId);
  const runtimeId = form.runtimeId || usable.find(r => r.enabled)?.id || '';
  const profiles = choices.value?.profiles ?? [];
  const profile = form.profile || profiles[0]?.name || '';
  const set = (change: Partial<FormState>) => setForm({ ...form, ...change });

  const { trigger } = form;
  const { timeout, retries, backoff, problems } = checkForm(form);
  const invalid = Object.values(problems).some(Boolean) || !form.envValid;
  const shown = (field: string) =>
    serverErrors[field] ?? (touched ? problems[field] : undefined);

  const submit = async () => {
    setTouched(true);
    if (invalid || !runtimeId || !profile) {
      return;
    }
    setBusy(true);
    setServerErrors({});
    setGeneral(undefined);
    const fields = {
      name: form.name.trim(),
      script: form.script.trim(),
      args: splitArgs(form.args),
      env: form.env,
      runtimeId,
      profile,
      maxRetries: retries!,
      retryBackoffSeconds: backoff!,
      enabled: form.enabled,
      timezone: trigger.timezone.trim() || 'UTC',
    };
    const schedule =
      trigger.kind === 'schedule' ? trigger.schedule.trim() : null;
    const parentJobId =
      trigger.kind === 'dependency' ? trigger.parentJobId : null;
    try {
      const saved = job
        ? await api.updateJob(project.id, job.id, {
            ...fields,
            // null clears what the job had: the API's PATCH semantics.
            timeoutSeconds: timeout,
            schedule,
            parentJobId,
          })
        : await api.createJob(project.id, {
            ...fields,
            timeoutSeconds: timeout ?? undefined,
            schedule: schedule ?? undefined,
            parentJobId: parentJobId ?? undefined,
          });
      onSaved(saved);
    } catch (e) {
      const parsed = fieldErrors(e);
      setServerErrors(parsed.fields);
      setGeneral(parsed.general);
    } finally {
      setBusy(false);
    }
  };

  const numberField = (
    field: 'timeout' | 'retries' | 'backoff',
    apiField: string,
    label: string,
    help: string,
  ) => (
    <Box flex={1} marginRight={1}>
      <TextField
        id={`ml-job-${field}`}
        label={label}
        value={form[field]}
        onChange={e => set({ [field]: e.target.value })}
        error={Boolean(shown(apiField))}
        helperText={shown(apiField) ?? help}
        inputProps={{ inputMode: 'numeric' }}
        fullWidth
        margin="normal"
      />
    </Box>
  );

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="ml-job-form-title"
    >
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle id="ml-job-form-title">
          {job ? `Edit job ${job.name}` : 'New job'}
        </DialogTitle>
        <DialogContent>
          <ErrorAlert message={general} />
          <TextField
            id="ml-job-name"
            label="Name"
            value={form.name}
            onChange={e => set({ name: e.target.value })}
            error={Boolean(shown('name'))}
            helperText={shown('name')}
            fullWidth
            margin="normal"
          />
          <Autocomplete
            id="ml-job-script"
            freeSolo
            openOnFocus
            options={choices.value?.scripts ?? []}
            // Both controlled: with only the input controlled, the
            // Autocomplete resets it to its (empty) value on mount.
            value={form.script}
            onChange={(_, script) => set({ script: script ?? '' })}
            inputValue={form.script}
            onInputChange={(_, script) => set({ script })}
            renderInput={params => (
              <TextField
                {...params}
                label="Script"
                error={Boolean(shown('script'))}
                helperText={
                  shown('script') ??
                  'A file of the project, run with the runtime'
                }
                margin="normal"
              />
            )}
          />
          <TextField
            id="ml-job-args"
            label="Arguments"
            value={form.args}
            onChange={e => set({ args: e.target.value })}
            error={Boolean(shown('args'))}
            helperText={
              shown('args') ??
              'As on a command line; quote arguments with spaces'
            }
            fullWidth
            margin="normal"
          />
          <Box display="flex">
            <Box flex={1} marginRight={1}>
              <TextField
                id="ml-job-runtime"
                label="Runtime"
                select
                SelectProps={{ native: true }}
                value={runtimeId}
                onChange={e => set({ runtimeId: e.target.value })}
                error={Boolean(shown('runtimeId'))}
                helperText={shown('runtimeId')}
                fullWidth
                margin="normal"
              >
                {usable.map(r => (
                  <option key={r.id} value={r.id}>
                    {`${runtimeLabel(r)}${r.enabled ? '' : ' (disabled)'}`}
                  </option>
                ))}
              </TextField>
            </Box>
            <Box flex={1}>
              <TextField
                id="ml-job-profile"
                label="Profile"
                select
                SelectProps={{ native: true }}
                value={profile}
                onChange={e => set({ profile: e.target.value })}
                error={Boolean(shown('profile'))}
                helperText={shown('profile')}
                fullWidth
                margin="normal"
              >
                {profiles.map(p => (
                  <option key={p.name} value={p.name}>
                    {p.name}
                  </option>
                ))}
              </TextField>
            </Box>
          </Box>
          <Box display="flex">
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
          </Box>
          <JobTriggerFields
            value={trigger}
            onChange={value => set({ trigger: value })}
            parents={jobs.filter(j => j.id !== job?.id)}
            errors={{
              schedule: shown('schedule'),
              timezone: shown('timezone'),
              parentJobId: shown('parentJobId'),
            }}
          />
          <Box>
            <FormControlLabel
              control={
                <Switch
                  checked={form.enabled}
                  onChange={(_, enabled) => set({ enabled })}
                  color="primary"
                />
              }
              label="Enabled"
            />
          </Box>
          <EnvVarsEditor
            key={generation}
            title="Environment variables"
            description="Override the project's environment for this job's runs"
            env={form.env}
            onChange={(env, envValid) =>
              setForm(f => ({ ...f, env, envValid }))
            }
          />
          {serverErrors.env && (
            <Alert severity="error">{`Environment: ${serverErrors.env}`}</Alert>
          )}
        </DialogContent>
        <DialogSubmitActions
          submitLabel={job ? 'Save' : 'Create'}
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
