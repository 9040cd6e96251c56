import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { Project, Workload } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { describeError, fieldErrors } from '../../lib/errors';
import { quotaFit } from '../../lib/quota';
import { runtimeLabel } from '../../lib/runtimes';
import { describeResources } from '../../lib/workloads';
import { DialogSubmitActions } from '../DialogSubmitActions';

/** @public */
export interface NewSessionDialogProps {
  open: boolean;
  project: Project;
  onClose: () => void;
  onStarted: (session: Workload) => void;
}

/**
 * Starts a session: a runtime, a resource profile and an optional name. Each
 * profile says whether it fits what is left of the owner's quota now, so
 * nobody starts a session that will only wait in the queue by surprise.
 */
export function NewSessionDialog(props: NewSessionDialogProps) {
  const { open, project, onClose, onStarted } = props;
  const api = useApi(mlApiRef);
  const [name, setName] = useState('');
  const [runtimeId, setRuntimeId] = useState('');
  const [profileName, setProfileName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>(
    {},
  );

  const choices = useAsync(async () => {
    if (!open) {
      return undefined;
    }
    // The quota is read each time the dialog opens: usage changes.
    const [runtimes, profiles, quota] = await Promise.all([
      api.listRuntimes({
        enabled: true,
        sort: '+kernel,-short_version',
        pageSize: 200,
      }),
      api.listProfiles(project.workspace, { sort: '+name', pageSize: 100 }),
      api.getProjectQuota(project.id),
    ]);
    // Smallest first, so the preselected profile is the smallest that fits.
    const bySize = [...profiles.items].sort(
      (a, b) => a.cpu - b.cpu || a.memoryMiB - b.memoryMiB || a.gpu - b.gpu,
    );
    return { runtimes: runtimes.items, profiles: bySize, quota };
  }, [api, open, project.id, project.workspace]);

  useEffect(() => {
    if (open) {
      setName('');
      setRuntimeId('');
      setProfileName('');
      setError(undefined);
      setFieldProblems({});
    }
  }, [open]);

  const runtimes = choices.value?.runtimes ?? [];
  const profiles = choices.value?.profiles ?? [];
  const quota = choices.value?.quota;
  // Derived so that lists arriving after the dialog opened preselect the first.
  const runtime = runtimeId || runtimes[0]?.id || '';
  const profile =
    profileName ||
    profiles.find(p => quotaFit(p, quota).fits)?.name ||
    profiles[0]?.name ||
    '';
  const selectedProfile = profiles.find(p => p.name === profile);
  const selectedFit = selectedProfile && quotaFit(selectedProfile, quota);

  const start = async () => {
    if (!runtime || !profile) {
      return;
    }
    setBusy(true);
    setError(undefined);
    setFieldProblems({});
    try {
      const session = await api.launchSession(project.id, {
        runtimeId: runtime,
        profile,
        name: name.trim() || undefined,
      });
      onStarted(session);
    } catch (e) {
      const { fields, general } = fieldErrors(e);
      setFieldProblems(fields);
      setError(
        general ?? (Object.keys(fields).length ? undefined : describeError(e)),
      );
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
      aria-labelledby="ml-new-session-title"
    >
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          start();
        }}
      >
        <DialogTitle id="ml-new-session-title">New session</DialogTitle>
        <DialogContent>
          {(error || choices.error) && (
            <Alert severity="error" role="alert">
              {error ?? describeError(choices.error)}
            </Alert>
          )}
          <TextField
            id="ml-new-session-name"
            label="Name"
            value={name}
            onChange={e => setName(e.target.value)}
            helperText={
              fieldProblems.name ?? 'Optional; defaults to the kernel'
            }
            error={Boolean(fieldProblems.name)}
            fullWidth
            margin="normal"
          />
          <TextField
            id="ml-new-session-runtime"
            label="Runtime"
            select
            SelectProps={{ native: true }}
            value={runtime}
            onChange={e => setRuntimeId(e.target.value)}
            error={Boolean(fieldProblems.runtimeId)}
            helperText={
              fieldProblems.runtimeId ??
              (!choices.loading && runtimes.length === 0
                ? 'No runtime is enabled; ask an administrator'
                : undefined)
            }
            fullWidth
            margin="normal"
          >
            {runtimes.map(r => (
              <option key={r.id} value={r.id}>
                {runtimeLabel(r)}
              </option>
            ))}
          </TextField>
          <TextField
            id="ml-new-session-profile"
            label="Profile"
            select
            SelectProps={{ native: true }}
            value={profile}
            onChange={e => setProfileName(e.target.value)}
            error={Boolean(fieldProblems.profile)}
            helperText={
              fieldProblems.profile ??
              (selectedFit && quota
                ? `Quota of ${quota.subject}: ${selectedFit.text}`
                : undefined)
            }
            FormHelperTextProps={{
              'aria-live': 'polite',
            }}
            fullWidth
            margin="normal"
          >
            {profiles.map(p => (
              <option key={p.name} value={p.name}>
                {`${p.name} (${describeResources(p)}) — ${
                  quotaFit(p, quota).text
                }`}
              </option>
            ))}
          </TextField>
        </DialogContent>
        <DialogSubmitActions
          submitLabel="Start"
          busy={busy}
          onCancel={onClose}
          submitDisabled={choices.loading || !runtime || !profile}
        />
      </form>
    </Dialog>
  );
}
