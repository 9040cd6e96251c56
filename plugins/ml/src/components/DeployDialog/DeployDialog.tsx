import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import {
  Model,
  ModelBuild,
  ModelDeployment,
  EnvVarsInput,
  Project,
  formatMemory,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useModelChoices } from '../../hooks/useModelChoices';
import { describeError, fieldErrors } from '../../lib/errors';
import { formatVcpu } from '../../lib/resources';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { EnvVarsEditor, secretsToReenter } from '../EnvVarsEditor';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface DeployDialogProps {
  /** The build to deploy; closed without one. */
  build?: ModelBuild;
  project: Project;
  model: Model;
  /** The deployment serving now, whose size the form starts from. */
  current?: ModelDeployment;
  onClose: () => void;
  onDeployed: (deployment: ModelDeployment) => void;
}

const MAX_REPLICAS = 20;

/** Replicas 1–20 (the API's limit); whole numbers only. */
export function parseReplicas(text: string): number | undefined {
  if (!/^\d+$/.test(text.trim())) {
    return undefined;
  }
  const n = Number(text);
  return n >= 1 && n <= MAX_REPLICAS ? n : undefined;
}

/**
 * Deploys a built build with N replicas of a profile. A deployment that
 * serves already is replaced once the new replicas are ready.
 */
export function DeployDialog(props: DeployDialogProps) {
  const { build, project, model, current, onClose, onDeployed } = props;
  const open = Boolean(build);
  const api = useApi(mlApiRef);
  const choices = useModelChoices(project, open);
  const [replicas, setReplicas] = useState('1');
  const [profile, setProfile] = useState('');
  const [env, setEnv] = useState<{
    vars: EnvVarsInput;
    valid: boolean;
  }>({ vars: {}, valid: true });
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  useEffect(() => {
    if (open) {
      setReplicas(String(current?.replicas ?? 1));
      setProfile(current?.profile ?? '');
      // A new deployment has no secrets stored: those of the current one are typed again.
      const vars = current?.env ?? {};
      setEnv({ vars, valid: secretsToReenter(vars).length === 0 });
      setGeneration(g => g + 1);
      setServerErrors({});
      setGeneral(undefined);
    }
    // Only when opened: the deployments are polled while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const chosenProfile =
    profile && choices.profiles.some(p => p.name === profile)
      ? profile
      : choices.profiles[0]?.name ?? '';
  const count = parseReplicas(replicas);
  const replicasProblem =
    serverErrors.replicas ??
    (count === undefined
      ? `A whole number from 1 to ${MAX_REPLICAS}`
      : undefined);

  const submit = async () => {
    if (!build || count === undefined || !chosenProfile || !env.valid) {
      return;
    }
    setBusy(true);
    setServerErrors({});
    setGeneral(undefined);
    try {
      onDeployed(
        await api.createDeployment(project.id, model.id, {
          buildId: build.id,
          replicas: count,
          profile: chosenProfile,
          env: env.vars,
        }),
      );
    } catch (e) {
      const parsed = fieldErrors(e);
      setServerErrors(parsed.fields);
      setGeneral(parsed.general);
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
      aria-labelledby="ml-deploy-title"
    >
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle id="ml-deploy-title">
          {`Deploy build ${build?.number ?? ''} of ${model.name}`}
        </DialogTitle>
        <DialogContent>
          {current && current.state !== 'stopped' && (
            <DialogContentText>
              {`Build ${current.buildNumber} serves now; its replicas stop once the new ones are ready.`}
            </DialogContentText>
          )}
          <ErrorAlert
            message={
              general ??
              (choices.error ? describeError(choices.error) : undefined)
            }
          />
          <Box display="flex">
            <Box flex={1} marginRight={1}>
              <TextField
                id="ml-deploy-replicas"
                label="Replicas"
                value={replicas}
                onChange={e => setReplicas(e.target.value)}
                error={Boolean(replicasProblem)}
                helperText={
                  replicasProblem ?? 'Each serves one request at a time'
                }
                inputProps={{ inputMode: 'numeric' }}
                fullWidth
                margin="normal"
              />
            </Box>
            <Box flex={2}>
              <TextField
                id="ml-deploy-profile"
                label="Profile"
                select
                SelectProps={{ native: true }}
                value={chosenProfile}
                onChange={e => setProfile(e.target.value)}
                error={Boolean(serverErrors.profile)}
                helperText={serverErrors.profile ?? 'Per replica'}
                fullWidth
                margin="normal"
              >
                {choices.profiles.map(p => (
                  <option key={p.name} value={p.name}>
                    {`${p.name} (${formatVcpu(p.cpu)}, ${formatMemory(
                      p.memoryMiB,
                    )})`}
                  </option>
                ))}
              </TextField>
            </Box>
          </Box>
          <EnvVarsEditor
            key={generation}
            title="Environment variables"
            description="For the replicas; they win over the build's"
            env={env.vars}
            keepsSecrets={false}
            onChange={(vars, valid) => setEnv({ vars, valid })}
          />
          <ErrorAlert
            message={serverErrors.env && `Environment: ${serverErrors.env}`}
          />
        </DialogContent>
        <DialogSubmitActions
          submitLabel="Deploy"
          busy={busy}
          submitDisabled={!chosenProfile}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
