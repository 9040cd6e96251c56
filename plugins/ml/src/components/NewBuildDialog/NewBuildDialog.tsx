import { useApi } from '@backstage/core-plugin-api';
import { Model, ModelBuild, Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useDialogForm } from '../../hooks/useDialogForm';
import { offeredOrFirst, useModelChoices } from '../../hooks/useModelChoices';
import { describeError } from '../../lib/errors';
import {
  BuildFormFields,
  BuildFormState,
  checkBuildForm,
  emptyBuildForm,
} from '../BuildFormFields';
import { secretsToReenter } from '../EnvVarsEditor';
import { DialogOpenProps, FormDialog } from '../FormDialog';

/** @public */
export interface NewBuildDialogProps extends DialogOpenProps {
  project: Project;
  model: Model;
  /** The newest build, whose file, function and examples fill the form. */
  previous?: ModelBuild;
  /**
   * A version of the model registry to build: the form starts from it
   * (and the rest of the previous build, if any).
   */
  registeredModel?: { name: string; version: string };
  onCreated: (build: ModelBuild) => void;
}

/** The form's source fields for a registry version, if the build has one. */
function registrySource(
  registeredModel?: ModelBuild['registeredModel'],
): Partial<BuildFormState> {
  return registeredModel
    ? {
        source: 'registry',
        registeredModelName: registeredModel.name,
        registeredModelVersion: registeredModel.version,
      }
    : {};
}

function formFrom(
  previous?: ModelBuild,
  registeredModel?: NewBuildDialogProps['registeredModel'],
): BuildFormState {
  if (!previous) {
    return { ...emptyBuildForm(), ...registrySource(registeredModel) };
  }
  return {
    ...emptyBuildForm(),
    ...registrySource(registeredModel ?? previous.registeredModel),
    filePath: previous.filePath,
    functionName: previous.functionName,
    runtimeId: previous.runtimeId,
    examples: previous.examples.length
      ? JSON.stringify(previous.examples, null, 2)
      : '',
    env: previous.env,
    // Its secrets must be typed again: the new build has none stored.
    envValid: secretsToReenter(previous.env).length === 0,
  };
}

/**
 * Builds the model again from the project's files as they are now, or from
 * a version of the model registry; the form starts from the previous build,
 * as CML's does.
 */
export function NewBuildDialog(props: NewBuildDialogProps) {
  const { open, project, model, previous, registeredModel } = props;
  const { onClose, onCreated } = props;
  const api = useApi(mlApiRef);
  const choices = useModelChoices(project, open);
  const runtimeOf = (form: BuildFormState) =>
    offeredOrFirst(
      form.runtimeId,
      choices.runtimes.map(r => r.id),
    );

  const form = useDialogForm({
    open,
    // Only when opened: the builds are polled while the page is open.
    initialValues: () => formFrom(previous, registeredModel),
    validate: values => checkBuildForm(values, runtimeOf(values)).problems,
    canSubmit: values =>
      Boolean(checkBuildForm(values, runtimeOf(values)).request),
    onSubmit: values =>
      api.createBuild(
        project.id,
        model.id,
        checkBuildForm(values, runtimeOf(values)).request!,
      ),
    onSuccess: onCreated,
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      titleId="ml-build-form-title"
      title={`New build of ${model.name}`}
      otherError={choices.error ? describeError(choices.error) : undefined}
      submitLabel="Build"
      form={form}
    >
      <BuildFormFields
        form={form.values}
        onChange={form.setValues}
        files={choices.files}
        runtimes={choices.runtimes}
        runtimeId={runtimeOf(form.values)}
        errorOf={form.errorOf}
        envKey={form.generation}
        registryProjectId={project.id}
      />
    </FormDialog>
  );
}
