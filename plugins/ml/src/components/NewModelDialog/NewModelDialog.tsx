import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Model,
  Project,
  explainInvalidName,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useDialogForm } from '../../hooks/useDialogForm';
import { offeredOrFirst, useModelChoices } from '../../hooks/useModelChoices';
import { describeError, fieldErrors } from '../../lib/errors';
import {
  BuildFormFields,
  BuildFormState,
  checkBuildForm,
  emptyBuildForm,
} from '../BuildFormFields';
import { DialogOpenProps, FormDialog } from '../FormDialog';
import { FormTextField, SwitchField } from '../FormFields';

/** @public */
export interface NewModelDialogProps extends DialogOpenProps {
  project: Project;
  onCreated: (model: Model) => void;
}

interface FormState {
  name: string;
  description: string;
  disableAuthentication: boolean;
  withBuild: boolean;
  build: BuildFormState;
}

function initialState(): FormState {
  return {
    name: '',
    description: '',
    disableAuthentication: false,
    withBuild: true,
    build: emptyBuildForm(),
  };
}

/** The model was created; its first build was not. */
class BuildRefusedError extends Error {
  constructor(readonly model: Model, readonly buildError: unknown) {
    super(describeError(buildError));
  }
}

/**
 * Creates a model and, optionally, its first build. When the model is
 * created but the build is refused, the dialog stays open on the build's
 * problems and a second try only builds.
 */
export function NewModelDialog(props: NewModelDialogProps) {
  const { open, project, onClose, onCreated } = props;
  const api = useApi(mlApiRef);
  const choices = useModelChoices(project, open);
  const [created, setCreated] = useState<Model>();
  const runtimeOf = (build: BuildFormState) =>
    offeredOrFirst(
      build.runtimeId,
      choices.runtimes.map(r => r.id),
    );
  const checkBuild = (build: BuildFormState) =>
    checkBuildForm(build, runtimeOf(build));

  useEffect(() => {
    if (open) {
      setCreated(undefined);
    }
  }, [open]);

  const save = async (values: FormState) => {
    const model =
      created ??
      (await api.createModel(project.id, {
        name: values.name.trim(),
        description: values.description.trim(),
        disableAuthentication: values.disableAuthentication,
      }));
    setCreated(model);
    const { request } = checkBuild(values.build);
    if (values.withBuild && request) {
      try {
        await api.createBuild(project.id, model.id, request);
      } catch (e) {
        throw new BuildRefusedError(model, e);
      }
    }
    return model;
  };

  const form = useDialogForm({
    open,
    initialValues: initialState,
    validate: values => ({
      name: explainInvalidName(values.name.trim()),
      ...(values.withBuild ? checkBuild(values.build).problems : {}),
    }),
    canSubmit: values =>
      !values.withBuild || Boolean(checkBuild(values.build).request),
    onSubmit: save,
    onSuccess: onCreated,
    describeFailure: e => {
      if (!(e instanceof BuildRefusedError)) {
        return fieldErrors(e);
      }
      const parsed = fieldErrors(e.buildError);
      return {
        fields: parsed.fields,
        general: `Model ${
          e.model.name
        } was created, but its build was refused: ${
          parsed.general ?? 'see the fields below'
        }`,
      };
    },
  });
  const { values, setValues: set, errorOf, fieldProps } = form;
  const close = () => (created ? onCreated(created) : onClose());

  return (
    <FormDialog
      open={open}
      onClose={close}
      maxWidth="md"
      titleId="ml-model-form-title"
      title="New model"
      otherError={choices.error ? describeError(choices.error) : undefined}
      submitLabel={created ? 'Build' : 'Create'}
      form={form}
    >
      <FormTextField
        id="ml-model-name"
        label="Name"
        {...fieldProps('name')}
        help='Lower-case letters, digits and "-"; used in URLs'
        disabled={Boolean(created)}
      />
      <FormTextField
        id="ml-model-description"
        label="Description"
        {...fieldProps('description')}
        disabled={Boolean(created)}
        multiline
      />
      <SwitchField
        label="Disable authentication (anyone who can reach the portal may call it)"
        {...fieldProps('disableAuthentication')}
        disabled={Boolean(created)}
      />
      <SwitchField label="Build it now" {...fieldProps('withBuild')} />
      {values.withBuild && (
        <BuildFormFields
          form={values.build}
          onChange={change => set(v => ({ build: { ...v.build, ...change } }))}
          files={choices.files}
          runtimes={choices.runtimes}
          runtimeId={runtimeOf(values.build)}
          errorOf={errorOf}
          envKey={form.generation}
        />
      )}
    </FormDialog>
  );
}
