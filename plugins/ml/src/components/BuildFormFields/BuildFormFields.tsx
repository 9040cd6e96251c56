import Box from '@material-ui/core/Box';
import { Runtime } from '@ml-platform/plugin-ml-common';
import { runtimeLabel } from '../../lib/runtimes';
import {
  EnvVarsField,
  FileField,
  FormTextField,
  SelectField,
} from '../FormFields';
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
  /** Problem to show under each field (`env` too), by API field name. */
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
          <FileField
            id="ml-build-file"
            label="File"
            value={form.filePath}
            onChange={filePath => onChange({ filePath })}
            files={files}
            problem={errorOf('filePath')}
            help="The file with the model function"
          />
        </Box>
        <Box flex={1}>
          <FormTextField
            id="ml-build-function"
            label="Function"
            value={form.functionName}
            onChange={functionName => onChange({ functionName })}
            problem={errorOf('functionName')}
            help="Called with each request"
          />
        </Box>
      </Box>
      <Box display="flex">
        <Box flex={1} marginRight={1}>
          <SelectField
            id="ml-build-runtime"
            label="Runtime"
            value={runtimeId}
            onChange={value => onChange({ runtimeId: value })}
            problem={errorOf('runtimeId')}
            options={runtimes.map(r => ({
              value: r.id,
              label: runtimeLabel(r),
            }))}
          />
        </Box>
        <Box flex={1}>
          <FormTextField
            id="ml-build-comment"
            label="Comment"
            value={form.comment}
            onChange={comment => onChange({ comment })}
            problem={errorOf('comment')}
          />
        </Box>
      </Box>
      <FormTextField
        id="ml-build-examples"
        label="Examples (JSON)"
        value={form.examples}
        onChange={examples => onChange({ examples })}
        problem={errorOf('examples')}
        help='[{"request": {…}, "response": {…}}] — the first one fills the Test panel'
        placeholder='[{"request": {"x": 1}}]'
        multiline
        minRows={3}
        inputProps={{ style: { fontFamily: 'monospace' } }}
      />
      <EnvVarsField
        generation={envKey}
        description="For this build and its replicas; they win over the project's"
        env={form.env}
        // A new build: the secrets of the build it starts from are not copied.
        keepsSecrets={false}
        onChange={(env, envValid) => onChange({ env, envValid })}
        problem={errorOf('env')}
      />
    </>
  );
}
