import { ModelDeployment } from '@ml-platform/plugin-ml-common';
import { useDialogForm } from '../../hooks/useDialogForm';
import { wholeError } from '../../lib/errors';
import { parseReplicas } from '../DeployDialog';
import { FormDialog } from '../FormDialog';
import { FormTextField } from '../FormFields';

export interface ScaleDialogProps {
  /** The deployment to scale; closed without one. */
  deployment?: ModelDeployment;
  onClose: () => void;
  onScale: (replicas: number) => Promise<void>;
}

/** Changes how many replicas a deployment runs. */
export function ScaleDialog(props: ScaleDialogProps) {
  const { deployment, onClose, onScale } = props;
  const form = useDialogForm({
    open: Boolean(deployment),
    initialValues: () => ({ replicas: String(deployment?.replicas ?? '') }),
    validate: values => ({
      replicas:
        parseReplicas(values.replicas) === undefined &&
        'A whole number from 1 to 20',
    }),
    onSubmit: values => onScale(parseReplicas(values.replicas)!),
    describeFailure: wholeError,
  });
  // Shown as soon as typed: the field starts valid.
  const problem = form.problems.replicas || undefined;

  return (
    <FormDialog
      open={Boolean(deployment)}
      onClose={onClose}
      fullWidth={false}
      titleId="ml-scale-title"
      title={`Replicas of build #${deployment?.buildNumber ?? ''}`}
      submitLabel="Save"
      form={form}
      submitDisabled={Boolean(problem)}
    >
      <FormTextField
        id="ml-scale-replicas"
        label="Replicas"
        value={form.values.replicas}
        onChange={replicas => form.setValues({ replicas })}
        problem={problem}
        help="Each serves one request at a time"
        inputProps={{ inputMode: 'numeric' }}
        // The dialog asks for this one field, so typing can start at once.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
      />
    </FormDialog>
  );
}
