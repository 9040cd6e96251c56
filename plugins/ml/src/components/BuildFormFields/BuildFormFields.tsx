import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { Runtime } from '@ml-platform/plugin-ml-common';
import { runtimeLabel } from '../../lib/runtimes';
import { EnvVarsEditor } from '../EnvVarsEditor';
import { BuildFormState } from './buildForm';

/** @public */
export interface BuildFormFieldsProps {
  form: BuildFormState;
  onChange: (change: Partial<BuildFormState>) => void;
  /** Files of the project, to pick the model file from. */
  files: string[];
  /** Enabled runtimes. */
  runtimes: Runtime[];
  /** The runtime shown as chosen (the form's, or the default). */
  runtimeId: string;
  /** Problem to show under each field, by API field name. */
  errorOf: (field: string) => string | undefined;
  /** Remounts the env editor (with the form's variables) when it changes. */
  envKey: number;
}

/**
 * The fields of a model build: the file and function to call, the runtime,
 * a comment, example requests and the build's environment.
 */
export function BuildFormFields(props: BuildFormFieldsProps) {
  const { form, onChange, files, runtimes, runtimeId, errorOf, envKey } = props;
  return (
    <>
      <Box display="flex">
        <Box flex={2} marginRight={1}>
          <Autocomplete
            id="ml-build-file"
            freeSolo
            openOnFocus
            options={files}
            // Both controlled, or the Autocomplete resets the text on mount.
            value={form.filePath}
            onChange={(_, filePath) => onChange({ filePath: filePath ?? '' })}
            inputValue={form.filePath}
            onInputChange={(_, filePath) => onChange({ filePath })}
            renderInput={params => (
              <TextField
                {...params}
                label="File"
                error={Boolean(errorOf('filePath'))}
                helperText={
                  errorOf('filePath') ?? 'The file with the model function'
                }
                margin="normal"
              />
            )}
          />
        </Box>
        <Box flex={1}>
          <TextField
            id="ml-build-function"
            label="Function"
            value={form.functionName}
            onChange={e => onChange({ functionName: e.target.value })}
            error={Boolean(errorOf('functionName'))}
            helperText={errorOf('functionName') ?? 'Called with each request'}
            fullWidth
            margin="normal"
          />
        </Box>
      </Box>
      <Box display="flex">
        <Box flex={1} marginRight={1}>
          <TextField
            id="ml-build-runtime"
            label="Runtime"
            select
            SelectProps={{ native: true }}
            value={runtimeId}
            onChange={e => onChange({ runtimeId: e.target.value })}
            error={Boolean(errorOf('runtimeId'))}
            helperText={errorOf('runtimeId')}
            fullWidth
            margin="normal"
          >
            {runtimes.map(r => (
              <option key={r.id} value={r.id}>
                {runtimeLabel(r)}
              </option>
            ))}
          </TextField>
        </Box>
        <Box flex={1}>
          <TextField
            id="ml-build-comment"
            label="Comment"
            value={form.comment}
            onChange={e => onChange({ comment: e.target.value })}
            error={Boolean(errorOf('comment'))}
            helperText={errorOf('comment')}
            fullWidth
            margin="normal"
          />
        </Box>
      </Box>
      <TextField
        id="ml-build-examples"
        label="Examples (JSON)"
        value={form.examples}
        onChange={e => onChange({ examples: e.target.value })}
        error={Boolean(errorOf('examples'))}
        helperText={
          errorOf('examples') ??
          '[{"request": {…}, "response": {…}}] — the first one fills the Test panel'
        }
        placeholder='[{"request": {"x": 1}}]'
        multiline
        minRows={3}
        fullWidth
        margin="normal"
        inputProps={{ style: { fontFamily: 'monospace' } }}
      />
      <EnvVarsEditor
        key={envKey}
        title="Environment variables"
        description="For this build and its replicas; they win over the project's"
        env={form.env}
        // A new build: the secrets of the build it starts from are not copied.
        keepsSecrets={false}
        onChange={(env, envValid) => onChange({ env, envValid })}
      />
    </>
  );
}
