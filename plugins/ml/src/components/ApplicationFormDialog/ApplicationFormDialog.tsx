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
import {
  Application,
  EnvVarsInput,
  Project,
  explainInvalidName,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useModelChoices } from '../../hooks/useModelChoices';
import { fieldErrors } from '../../lib/errors';
import { runtimeLabel } from '../../lib/runtimes';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { EnvVarsEditor } from '../EnvVarsEditor';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface ApplicationFormDialogProps {
  open: boolean;
  project: Project;
  /** The app to edit; a new app when absent. */
  application?: Application;
  /** Whether the portal lets apps open without sign-in (admin config). */
  allowBypassAuthentication: boolean;
  onClose: () => void;
  onSaved: (application: Application) => void;
}

interface FormState {
  name: string;
  slug: string;
  description: string;
  script: string;
  runtimeId: string;
  profile: string;
  env: EnvVarsInput;
  envValid: boolean;
  bypassAuthentication: boolean;
}

function initialState(app?: Application): FormState {
  return {
    name: app?.name ?? '',
    slug: app?.slug ?? '',
    description: app?.description ?? '',
    script: app?.script ?? '',
    runtimeId: app?.runtimeId ?? '',
    profile: app?.profile ?? '',
    env: app?.env ?? {},
    envValid: true,
    bypassAuthentication: app?.bypassAuthentication ?? false,
  };
}

/** A slug from a name: "Churn Dashboard!" → "churn-dashboard". */
export function slugFromName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/**
 * Creates or edits an application: the script that serves it, where it
 * runs, and the path it is served at. Problems the server reports appear
 * under the fields they name.
 */
export function ApplicationFormDialog(props: ApplicationFormDialogProps) {
  const { open, project, application, onClose, onSaved } = props;
  const api = useApi(mlApiRef);
  const choices = useModelChoices(project, open);
  const [form, setForm] = useState<FormState>(() => initialState(application));
  const [slugEdited, setSlugEdited] = useState(Boolean(application));
  const [generation, setGeneration] = useState(0);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  useEffect(() => {
    if (open) {
      setForm(initialState(application));
      setSlugEdited(Boolean(application));
      setGeneration(g => g + 1);
      setTouched(false);
      setServerErrors({});
      setGeneral(undefined);
    }
    // Only when opened: the app object changes as the list polls.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const runtimeId = form.runtimeId || choices.runtimes[0]?.id || '';
  const profile = form.profile || choices.profiles[0]?.name || '';
  const set = (change: Partial<FormState>) =>
    setForm(f => ({ ...f, ...change }));
  const problems: Record<string, string | undefined> = {
    name: form.name.trim() ? undefined : 'A name is required',
    slug: explainInvalidName(form.slug),
    script: form.script.trim() ? undefined : 'A script is required',
  };
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
      slug: form.slug,
      description: form.description,
      script: form.script.trim(),
      runtimeId,
      profile,
      env: form.env,
      bypassAuthentication: form.bypassAuthentication,
    };
    try {
      onSaved(
        application
          ? await api.updateApplication(project.id, application.id, fields)
          : await api.createApplication(project.id, fields),
      );
    } catch (e) {
      const parsed = fieldErrors(e);
      setServerErrors(parsed.fields);
      setGeneral(parsed.general);
    } finally {
      setBusy(false);
    }
  };

  const select = (
    field: 'runtimeId' | 'profile',
    label: string,
    value: string,
    options: Array<{ value: string; label: string }>,
  ) => (
    <Box flex={1} marginRight={field === 'runtimeId' ? 1 : 0}>
      <TextField
        id={`ml-app-${field}`}
        label={label}
        select
        SelectProps={{ native: true }}
        value={value}
        onChange={e => set({ [field]: e.target.value })}
        error={Boolean(shown(field))}
        helperText={shown(field)}
        fullWidth
        margin="normal"
      >
        {options.map(o => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </TextField>
    </Box>
  );

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="ml-app-form-title"
    >
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle id="ml-app-form-title">
          {application
            ? `Edit application ${application.name}`
            : 'New application'}
        </DialogTitle>
        <DialogContent>
          <ErrorAlert message={general ?? choices.error?.message} />
          {application && application.state !== 'stopped' && (
            <Alert severity="info">
              Changes apply when the application restarts.
            </Alert>
          )}
          <TextField
            id="ml-app-name"
            label="Name"
            value={form.name}
            onChange={e =>
              set({
                name: e.target.value,
                ...(slugEdited ? {} : { slug: slugFromName(e.target.value) }),
              })
            }
            error={Boolean(shown('name'))}
            helperText={shown('name')}
            fullWidth
            margin="normal"
          />
          <TextField
            id="ml-app-slug"
            label="Slug"
            value={form.slug}
            onChange={e => {
              setSlugEdited(true);
              set({ slug: e.target.value });
            }}
            error={Boolean(shown('slug'))}
            helperText={
              shown('slug') ??
              `Served at …/apps/${
                form.slug || '<slug>'
              }/ — unique across the portal`
            }
            fullWidth
            margin="normal"
          />
          <TextField
            id="ml-app-description"
            label="Description"
            value={form.description}
            onChange={e => set({ description: e.target.value })}
            error={Boolean(shown('description'))}
            helperText={shown('description')}
            fullWidth
            multiline
            margin="normal"
          />
          <Autocomplete
            id="ml-app-script"
            freeSolo
            openOnFocus
            options={choices.files}
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
                  shown('script') ?? 'Serves HTTP on the port in ML_APP_PORT'
                }
                margin="normal"
              />
            )}
          />
          <Box display="flex">
            {select(
              'runtimeId',
              'Runtime',
              runtimeId,
              choices.runtimes.map(r => ({
                value: r.id,
                label: runtimeLabel(r),
              })),
            )}
            {select(
              'profile',
              'Profile',
              profile,
              choices.profiles.map(p => ({ value: p.name, label: p.name })),
            )}
          </Box>
          {(props.allowBypassAuthentication || form.bypassAuthentication) && (
            <Box>
              <FormControlLabel
                control={
                  <Switch
                    checked={form.bypassAuthentication}
                    onChange={(_, bypassAuthentication) =>
                      set({ bypassAuthentication })
                    }
                    color="primary"
                  />
                }
                label="Anyone may open it, without signing in"
              />
              {shown('bypassAuthentication') && (
                <Alert severity="error">{shown('bypassAuthentication')}</Alert>
              )}
            </Box>
          )}
          <EnvVarsEditor
            key={generation}
            title="Environment variables"
            description="Override the project's environment for this application"
            env={form.env}
            onChange={(env, envValid) => set({ env, envValid })}
          />
          {serverErrors.env && (
            <Alert severity="error">{`Environment: ${serverErrors.env}`}</Alert>
          )}
        </DialogContent>
        <DialogSubmitActions
          submitLabel={application ? 'Save' : 'Create'}
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
