import { useApi } from '@backstage/core-plugin-api';
import { Project } from '@ml-platform/plugin-ml-common';
import { mlflowApiRef } from '../../../api';
import { useDialogForm } from '../../../hooks/useDialogForm';
import { wholeError } from '../../../lib/errors';
import { DialogOpenProps, FormDialog } from '../../FormDialog';
import { FormTextField } from '../../FormFields';
import { PROJECT_TAG } from '../runs';

/** @public */
export interface NewExperimentDialogProps extends DialogOpenProps {
  project: Project;
  /** With the new experiment's id. */
  onCreated: (experimentId: string) => void;
}

/**
 * Creates an experiment in the project: the project tag is what puts it
 * there (and what the server checks permissions by).
 */
export function NewExperimentDialog(props: NewExperimentDialogProps) {
  const { open, project, onClose, onCreated } = props;
  const mlflow = useApi(mlflowApiRef);
  const form = useDialogForm({
    open,
    initialValues: () => ({ name: '' }),
    validate: values => ({
      name: !values.name.trim() && 'An experiment needs a name',
    }),
    onSubmit: values =>
      mlflow.createExperiment({
        name: values.name.trim(),
        tags: [{ key: PROJECT_TAG, value: project.id }],
      }),
    onSuccess: onCreated,
    // MLflow's messages name no form field ("Experiment 'x' already exists").
    describeFailure: wholeError,
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      maxWidth="xs"
      titleId="ml-experiment-form-title"
      title="New experiment"
      submitLabel="Create"
      form={form}
    >
      <FormTextField
        id="ml-experiment-name"
        label="Name"
        {...form.fieldProps('name')}
        help="Unique among the portal's experiments; MLflow clients use it in mlflow.set_experiment()"
      />
    </FormDialog>
  );
}
