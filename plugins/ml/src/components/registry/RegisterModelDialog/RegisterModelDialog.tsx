import { useRef } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { MlflowModelVersion, mlflowApiRef } from '../../../api';
import { useDialogForm } from '../../../hooks/useDialogForm';
import { describeError, wholeError } from '../../../lib/errors';
import { DialogOpenProps, FormDialog } from '../../FormDialog';
import { FormTextField, SelectField } from '../../FormFields';
import { PROJECT_TAG } from '../../experiments/runs';
import { runSourceUri } from '../registry';
import { useProjectRegisteredModels } from '../useProjectRegisteredModels';

/** @public */
export interface RegisterModelDialogProps extends DialogOpenProps {
  /** The project's id: new registered models get its tag. */
  projectId: string;
  runId: string;
  /** The artifact (usually the model's folder), relative to the run's root. */
  path: string;
  onRegistered: (version: MlflowModelVersion) => void;
}

/** The choice of the select that stands for a new registered model. */
const NEW_MODEL = '';

interface RegisterForm {
  /** An existing registered model's name, or `NEW_MODEL`. */
  target: string;
  name: string;
}

/**
 * Registers a run's artifact as a new version of a registered model of the
 * project, creating the model (with the project tag) when it is new. The
 * version's source is `runs:/<run_id>/<path>`, as mlflow.register_model()
 * makes it.
 */
export function RegisterModelDialog(props: RegisterModelDialogProps) {
  const { open, projectId, runId, path, onClose, onRegistered } = props;
  const mlflow = useApi(mlflowApiRef);
  const models = useProjectRegisteredModels(projectId, open);
  // A model created by a submit whose version then failed: the next try
  // adds the version only.
  const created = useRef<string>();
  const names = (models.value ?? []).map(m => m.name);

  const form = useDialogForm<RegisterForm, MlflowModelVersion>({
    open,
    initialValues: () => ({ target: NEW_MODEL, name: '' }),
    validate: values => ({
      name:
        values.target === NEW_MODEL &&
        !values.name.trim() &&
        'A registered model needs a name',
    }),
    canSubmit: () => !models.loading,
    onSubmit: async values => {
      const name =
        values.target === NEW_MODEL ? values.name.trim() : values.target;
      if (values.target === NEW_MODEL && created.current !== name) {
        await mlflow.createRegisteredModel({
          name,
          tags: [{ key: PROJECT_TAG, value: projectId }],
        });
        created.current = name;
      }
      return mlflow.createModelVersion({
        name,
        source: runSourceUri(runId, path),
        runId,
      });
    },
    onSuccess: onRegistered,
    // MLflow's messages name no form field.
    describeFailure: wholeError,
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      maxWidth="sm"
      titleId="ml-register-model-title"
      title={`Register ${path || 'the artifacts'} as a model`}
      otherError={models.error ? describeError(models.error) : undefined}
      submitLabel="Register"
      form={form}
    >
      <SelectField
        id="ml-register-model-target"
        label="Registered model"
        {...form.fieldProps('target')}
        options={[
          { value: NEW_MODEL, label: 'A new registered model' },
          ...names.map(name => ({ value: name, label: name })),
        ]}
        help="A new version of an existing model of the project, or the first of a new one"
      />
      {form.values.target === NEW_MODEL && (
        <FormTextField
          id="ml-register-model-name"
          label="Name"
          {...form.fieldProps('name')}
          help="Unique in the portal's registry; clients load models:/<name>/<version>"
        />
      )}
    </FormDialog>
  );
}
