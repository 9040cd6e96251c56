import { useApi } from '@backstage/core-plugin-api';
import Alert from '@material-ui/lab/Alert';
import {
  Application,
  EnvVarsInput,
  Project,
  explainInvalidName,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useDialogForm } from '../../hooks/useDialogForm';
import { useModelChoices } from '../../hooks/useModelChoices';
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

/** @public */
export interface ApplicationFormDialogProps extends DialogOpenProps {
  project: Project;
  /** The app to edit; a new app when absent. */
  application?: Application;
  /** Whether the portal lets apps open without sign-in (admin config). */
  allowBypassAuthentication: boolean;
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
  /** Whether the slug was typed; until then it follows the name. */
  slugEdited: boolean;
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
    slugEdited: Boolean(app),
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
  const runtimeOf = (form: FormState) =>
    form.runtimeId || choices.runtimes[0]?.id || '';
  const profileOf = (form: FormState) =>
    form.profile || choices.profiles[0]?.name || '';

  const save = (form: FormState) => {
    const fields = {
      name: form.name.trim(),
      slug: form.slug,
      description: form.description,
      script: form.script.trim(),
      runtimeId: runtimeOf(form),
      profile: profileOf(form),
      env: form.env,
      bypassAuthentication: form.bypassAuthentication,
    };
    return application
      ? api.updateApplication(project.id, application.id, fields)
      : api.createApplication(project.id, fields);
  };

  const form = useDialogForm({
    open,
    // Only when opened: the app object changes as the list polls.
    initialValues: () => initialState(application),
    validate: values => ({
      name: values.name.trim() ? undefined : 'A name is required',
      slug: explainInvalidName(values.slug),
      script: values.script.trim() ? undefined : 'A script is required',
    }),
    canSubmit: values =>
      values.envValid && Boolean(runtimeOf(values) && profileOf(values)),
    onSubmit: save,
    onSuccess: onSaved,
  });
  const { values, setValues: set, fieldProps } = form;

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      titleId="ml-app-form-title"
      title={
        application ? `Edit application ${application.name}` : 'New application'
      }
      otherError={choices.error?.message}
      submitLabel={application ? 'Save' : 'Create'}
      form={form}
    >
      {application && application.state !== 'stopped' && (
        <Alert severity="info">
          Changes apply when the application restarts.
        </Alert>
      )}
      <FormTextField
        id="ml-app-name"
        label="Name"
        {...fieldProps('name')}
        onChange={name =>
          set({
            name,
            ...(values.slugEdited ? {} : { slug: slugFromName(name) }),
          })
        }
      />
      <FormTextField
        id="ml-app-slug"
        label="Slug"
        {...fieldProps('slug')}
        onChange={slug => set({ slug, slugEdited: true })}
        help={`Served at …/apps/${
          values.slug || '<slug>'
        }/ — unique across the portal`}
      />
      <FormTextField
        id="ml-app-description"
        label="Description"
        {...fieldProps('description')}
        multiline
      />
      <FileField
        id="ml-app-script"
        label="Script"
        {...fieldProps('script')}
        files={choices.files}
        help="Serves HTTP on the port in ML_APP_PORT"
      />
      <FormRow>
        <SelectField
          id="ml-app-runtimeId"
          label="Runtime"
          {...fieldProps('runtimeId')}
          value={runtimeOf(values)}
          options={choices.runtimes.map(r => ({
            value: r.id,
            label: runtimeLabel(r),
          }))}
        />
        <SelectField
          id="ml-app-profile"
          label="Profile"
          {...fieldProps('profile')}
          value={profileOf(values)}
          options={choices.profiles.map(p => ({
            value: p.name,
            label: p.name,
          }))}
        />
      </FormRow>
      {(props.allowBypassAuthentication || values.bypassAuthentication) && (
        <SwitchField
          label="Anyone may open it, without signing in"
          {...fieldProps('bypassAuthentication')}
        />
      )}
      <EnvVarsField
        description="Override the project's environment for this application"
        {...envVarsFieldOf(form)}
      />
    </FormDialog>
  );
}
