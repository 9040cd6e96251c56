import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { Model, ModelBuild, Project } from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useModelChoices } from '../../hooks/useModelChoices';
import { describeError, fieldErrors } from '../../lib/errors';
import {
  BuildFormFields,
  BuildFormState,
  checkBuildForm,
  emptyBuildForm,
} from '../BuildFormFields';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { secretsToReenter } from '../EnvVarsEditor';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface NewBuildDialogProps {
  open: boolean;
  project: Project;
  model: Model;
  /** The newest build, whose file, function and examples fill the form. */
  previous?: ModelBuild;
  onClose: () => void;
  onCreated: (build: ModelBuild) => void;
}

function formFrom(previous?: ModelBuild): BuildFormState {
  if (!previous) {
    return emptyBuildForm();
  }
  return {
    ...emptyBuildForm(),
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
 * Builds the model again from the project's files as they are now; the form
 * starts from the previous build, as CML's does.
 */
export function NewBuildDialog(props: NewBuildDialogProps) {
  const { open, project, model, previous, onClose, onCreated } = props;
  const api = useApi(mlApiRef);
  const choices = useModelChoices(project, open);
  const [form, setForm] = useState(() => formFrom(previous));
  const [generation, setGeneration] = useState(0);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  useEffect(() => {
    if (open) {
      setForm(formFrom(previous));
      setGeneration(g => g + 1);
      setTouched(false);
      setServerErrors({});
      setGeneral(undefined);
    }
    // Only when opened: the builds are polled while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const runtimeId =
    form.runtimeId && choices.runtimes.some(r => r.id === form.runtimeId)
      ? form.runtimeId
      : choices.runtimes[0]?.id ?? '';
  const { problems, request } = checkBuildForm(form, runtimeId);
  const errorOf = (field: string) =>
    serverErrors[field] ?? (touched ? problems[field] : undefined);

  const submit = async () => {
    setTouched(true);
    if (!request) {
      return;
    }
    setBusy(true);
    setServerErrors({});
    setGeneral(undefined);
    try {
      onCreated(await api.createBuild(project.id, model.id, request));
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
      maxWidth="md"
      aria-labelledby="ml-build-form-title"
    >
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle id="ml-build-form-title">{`New build of ${model.name}`}</DialogTitle>
        <DialogContent>
          <ErrorAlert
            message={
              general ??
              (choices.error ? describeError(choices.error) : undefined)
            }
          />
          <BuildFormFields
            form={form}
            onChange={change => setForm(f => ({ ...f, ...change }))}
            files={choices.files}
            runtimes={choices.runtimes}
            runtimeId={runtimeId}
            errorOf={errorOf}
            envKey={generation}
          />
          <ErrorAlert
            message={serverErrors.env && `Environment: ${serverErrors.env}`}
          />
        </DialogContent>
        <DialogSubmitActions
          submitLabel="Build"
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
