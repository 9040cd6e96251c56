import { useApi } from '@backstage/core-plugin-api';
import { Project, Workload } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useDialogForm } from '../../hooks/useDialogForm';
import { useMlApi } from '../../hooks/useMlApi';
import {
  smallestFirst,
  useWorkspaceProfiles,
} from '../../hooks/useWorkspaceProfiles';
import { describeError, fieldErrors } from '../../lib/errors';
import { quotaFit } from '../../lib/quota';
import { runtimeLabel } from '../../lib/runtimes';
import { describeResources } from '../../lib/workloads';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import { FormTextField, SelectField } from '../FormFields';

/** @public */
export interface NewSessionDialogProps extends DialogOpenProps {
  project: Project;
  onStarted: (session: Workload) => void;
}

interface FormState {
  name: string;
  runtimeId: string;
  profile: string;
}

const emptyForm = (): FormState => ({ name: '', runtimeId: '', profile: '' });

/**
 * Starts a session: a runtime, a resource profile and an optional name. Each
 * profile says whether it fits what is left of the owner's quota now, so
 * nobody starts a session that will only wait in the queue by surprise.
 */
export function NewSessionDialog(props: NewSessionDialogProps) {
  const { open, project, onClose, onStarted } = props;
  const api = useApi(mlApiRef);
  // The quota is read each time the dialog opens: usage changes.
  const choices = useMlApi(
    async mlApi => {
      if (!open) {
        return undefined;
      }
      const [runtimes, quota] = await Promise.all([
        mlApi.listRuntimes({
          enabled: true,
          sort: '+kernel,-short_version',
          pageSize: 200,
        }),
        mlApi.getProjectQuota(project.id),
      ]);
      return { runtimes: runtimes.items, quota };
    },
    [open, project.id],
  );
  const profileList = useWorkspaceProfiles(project.workspace, open);
  const loading = choices.loading || profileList.loading;
  const loadError = choices.error ?? profileList.error;
  const runtimes = choices.value?.runtimes ?? [];
  // Smallest first, so the preselected profile is the smallest that fits.
  const profiles = smallestFirst(profileList.value ?? []);
  const quota = choices.value?.quota;
  // Derived so that lists arriving after the dialog opened preselect the first.
  const runtimeOf = (form: FormState) =>
    form.runtimeId || runtimes[0]?.id || '';
  const profileOf = (form: FormState) =>
    form.profile ||
    profiles.find(p => quotaFit(p, quota).fits)?.name ||
    profiles[0]?.name ||
    '';

  const form = useDialogForm({
    open,
    initialValues: emptyForm,
    canSubmit: values => Boolean(runtimeOf(values) && profileOf(values)),
    onSubmit: values =>
      api.launchSession(project.id, {
        runtimeId: runtimeOf(values),
        profile: profileOf(values),
        name: values.name.trim() || undefined,
      }),
    onSuccess: onStarted,
    describeFailure: e => {
      const { fields, general } = fieldErrors(e);
      return {
        fields,
        general:
          general ??
          (Object.keys(fields).length ? undefined : describeError(e)),
      };
    },
  });
  const { values, fieldProps } = form;
  const runtime = runtimeOf(values);
  const profile = profileOf(values);
  const selectedProfile = profiles.find(p => p.name === profile);
  const selectedFit = selectedProfile && quotaFit(selectedProfile, quota);

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      titleId="ml-new-session-title"
      title="New session"
      otherError={loadError ? describeError(loadError) : undefined}
      submitLabel="Start"
      form={form}
      submitDisabled={loading || !runtime || !profile}
    >
      <FormTextField
        id="ml-new-session-name"
        label="Name"
        {...fieldProps('name')}
        help="Optional; defaults to the kernel"
      />
      <SelectField
        id="ml-new-session-runtime"
        label="Runtime"
        {...fieldProps('runtimeId')}
        value={runtime}
        help={
          !loading && runtimes.length === 0
            ? 'No runtime is enabled; ask an administrator'
            : undefined
        }
        options={runtimes.map(r => ({ value: r.id, label: runtimeLabel(r) }))}
      />
      <SelectField
        id="ml-new-session-profile"
        label="Profile"
        {...fieldProps('profile')}
        value={profile}
        help={
          selectedFit && quota
            ? `Quota of ${quota.subject}: ${selectedFit.text}`
            : undefined
        }
        FormHelperTextProps={{ 'aria-live': 'polite' }}
        options={profiles.map(p => ({
          value: p.name,
          label: `${p.name} (${describeResources(p)}) — ${
            quotaFit(p, quota).text
          }`,
        }))}
      />
    </FormDialog>
  );
}
