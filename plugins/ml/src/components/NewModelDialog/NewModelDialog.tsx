import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import {
  Model,
  Project,
  explainInvalidName,
} from '@ml-platform/plugin-ml-common';
import { mlApiRef } from '../../api';
import { useModelChoices } from '../../hooks/useModelChoices';
import { describeError, fieldErrors } from '../../lib/errors';
import {
  BuildFormFields,
  checkBuildForm,
  emptyBuildForm,
} from '../BuildFormFields';
import { DialogSubmitActions } from '../DialogSubmitActions';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface NewModelDialogProps {
  open: boolean;
  project: Project;
  onClose: () => void;
  onCreated: (model: Model) => void;
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
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [disableAuthentication, setDisableAuthentication] = useState(false);
  const [withBuild, setWithBuild] = useState(true);
  const [build, setBuild] = useState(emptyBuildForm);
  const [created, setCreated] = useState<Model>();
  const [generation, setGeneration] = useState(0);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();

  useEffect(() => {
    if (open) {
      setName('');
      setDescription('');
      setDisableAuthentication(false);
      setWithBuild(true);
      setBuild(emptyBuildForm());
      setCreated(undefined);
      setGeneration(g => g + 1);
      setTouched(false);
      setServerErrors({});
      setGeneral(undefined);
    }
  }, [open]);

  const runtimeId =
    build.runtimeId && choices.runtimes.some(r => r.id === build.runtimeId)
      ? build.runtimeId
      : choices.runtimes[0]?.id ?? '';
  const checked = checkBuildForm(build, runtimeId);
  const problems: Record<string, string | undefined> = {
    name: explainInvalidName(name.trim()),
    ...(withBuild ? checked.problems : {}),
  };
  const errorOf = (field: string) =>
    serverErrors[field] ?? (touched ? problems[field] : undefined);

  const submit = async () => {
    setTouched(true);
    if (problems.name || (withBuild && !checked.request)) {
      return;
    }
    setBusy(true);
    setServerErrors({});
    setGeneral(undefined);
    let model = created;
    try {
      if (!model) {
        model = await api.createModel(project.id, {
          name: name.trim(),
          description: description.trim(),
          disableAuthentication,
        });
        setCreated(model);
      }
      if (withBuild && checked.request) {
        await api.createBuild(project.id, model.id, checked.request);
      }
      onCreated(model);
    } catch (e) {
      const parsed = fieldErrors(e);
      setServerErrors(parsed.fields);
      setGeneral(
        model
          ? `Model ${model.name} was created, but its build was refused: ${
              parsed.general ?? 'see the fields below'
            }`
          : parsed.general,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={() => (created ? onCreated(created) : onClose())}
      fullWidth
      maxWidth="md"
      aria-labelledby="ml-model-form-title"
    >
      <form
        noValidate
        onSubmit={e => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle id="ml-model-form-title">New model</DialogTitle>
        <DialogContent>
          <ErrorAlert
            message={
              general ??
              (choices.error ? describeError(choices.error) : undefined)
            }
          />
          <TextField
            id="ml-model-name"
            label="Name"
            value={name}
            onChange={e => setName(e.target.value)}
            error={Boolean(errorOf('name'))}
            helperText={
              errorOf('name') ??
              'Lower-case letters, digits and "-"; used in URLs'
            }
            disabled={Boolean(created)}
            fullWidth
            margin="normal"
          />
          <TextField
            id="ml-model-description"
            label="Description"
            value={description}
            onChange={e => setDescription(e.target.value)}
            error={Boolean(errorOf('description'))}
            helperText={errorOf('description')}
            disabled={Boolean(created)}
            fullWidth
            multiline
            margin="normal"
          />
          <FormControlLabel
            control={
              <Switch
                checked={disableAuthentication}
                onChange={(_, value) => setDisableAuthentication(value)}
                disabled={Boolean(created)}
                color="primary"
              />
            }
            label="Disable authentication (anyone who can reach the portal may call it)"
          />
          <FormControlLabel
            control={
              <Switch
                checked={withBuild}
                onChange={(_, value) => setWithBuild(value)}
                color="primary"
              />
            }
            label="Build it now"
          />
          {withBuild && (
            <BuildFormFields
              form={build}
              onChange={change => setBuild(b => ({ ...b, ...change }))}
              files={choices.files}
              runtimes={choices.runtimes}
              runtimeId={runtimeId}
              errorOf={errorOf}
              envKey={generation}
            />
          )}
        </DialogContent>
        <DialogSubmitActions
          submitLabel={created ? 'Build' : 'Create'}
          busy={busy}
          onCancel={() => (created ? onCreated(created) : onClose())}
        />
      </form>
    </Dialog>
  );
}
