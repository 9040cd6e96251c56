import { useApi } from '@backstage/core-plugin-api';
import DialogContentText from '@material-ui/core/DialogContentText';
import {
  Model,
  ModelBuild,
  ModelDeployment,
  EnvVarsInput,
  Project,
  formatMemory,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useDialogForm } from '../../hooks/useDialogForm';
import { offeredOrFirst, useModelChoices } from '../../hooks/useModelChoices';
import { describeError } from '../../lib/errors';
import { formatVcpu } from '../../lib/resources';
import { secretsToReenter } from '../EnvVarsEditor';
import { FormDialog } from '../FormDialog';
import {
  EnvVarsField,
  envVarsFieldOf,
  FormRow,
  FormTextField,
  SelectField,
} from '../FormFields';

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

interface FormState {
  replicas: string;
  profile: string;
  env: EnvVarsInput;
  envValid: boolean;
}

function initialState(current?: ModelDeployment): FormState {
  // A new deployment has no secrets stored: those of the current one are typed again.
  const env = current?.env ?? {};
  return {
    replicas: String(current?.replicas ?? 1),
    profile: current?.profile ?? '',
    env,
    envValid: secretsToReenter(env).length === 0,
  };
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
  const profileOf = (form: FormState) =>
    offeredOrFirst(
      form.profile,
      choices.profiles.map(p => p.name),
    );

  const form = useDialogForm({
    open,
    // Only when opened: the deployments are polled while the page is open.
    initialValues: () => initialState(current),
    validate: values => ({
      replicas:
        parseReplicas(values.replicas) === undefined &&
        `A whole number from 1 to ${MAX_REPLICAS}`,
    }),
    canSubmit: values => Boolean(build && profileOf(values)) && values.envValid,
    onSubmit: values =>
      api.createDeployment(project.id, model.id, {
        buildId: build!.id,
        replicas: parseReplicas(values.replicas)!,
        profile: profileOf(values),
        env: values.env,
      }),
    onSuccess: onDeployed,
  });
  const { values, serverErrors, fieldProps } = form;
  const chosenProfile = profileOf(values);
  // Shown as soon as typed: the field starts valid.
  const replicasProblem =
    serverErrors.replicas || form.problems.replicas || undefined;

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      titleId="ml-deploy-title"
      title={`Deploy build ${build?.number ?? ''} of ${model.name}`}
      otherError={choices.error ? describeError(choices.error) : undefined}
      submitLabel="Deploy"
      form={form}
      submitDisabled={!chosenProfile}
    >
      {current && current.state !== 'stopped' && (
        <DialogContentText>
          {`Build ${current.buildNumber} serves now; its replicas stop once the new ones are ready.`}
        </DialogContentText>
      )}
      <FormRow widths={[1, 2]}>
        <FormTextField
          id="ml-deploy-replicas"
          label="Replicas"
          {...fieldProps('replicas')}
          problem={replicasProblem}
          help="Each serves one request at a time"
          inputProps={{ inputMode: 'numeric' }}
        />
        <SelectField
          id="ml-deploy-profile"
          label="Profile"
          {...fieldProps('profile')}
          value={chosenProfile}
          help="Per replica"
          options={choices.profiles.map(p => ({
            value: p.name,
            label: `${p.name} (${formatVcpu(p.cpu)}, ${formatMemory(
              p.memoryMiB,
            )})`,
          }))}
        />
      </FormRow>
      <EnvVarsField
        description="For the replicas; they win over the build's"
        keepsSecrets={false}
        {...envVarsFieldOf(form)}
      />
    </FormDialog>
  );
}
