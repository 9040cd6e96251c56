import { Runtime } from '@ml-platform/plugin-ml-common';
import { fieldBinder } from '../../hooks/useDialogForm';
import { runtimeLabel } from '../../lib/runtimes';
import {
  EnvVarsField,
  FileField,
  FormRow,
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
  const bind = fieldBinder(form, onChange, errorOf);
  return (
    <>
      <FormRow widths={[2, 1]}>
        <FileField
          id="ml-build-file"
          label="File"
          {...bind('filePath')}
          files={files}
          help="The file with the model function"
        />
        <FormTextField
          id="ml-build-function"
          label="Function"
          {...bind('functionName')}
          help="Called with each request"
        />
      </FormRow>
      <FormRow>
        <SelectField
          id="ml-build-runtime"
          label="Runtime"
          {...bind('runtimeId')}
          value={runtimeId}
          options={runtimes.map(r => ({
            value: r.id,
            label: runtimeLabel(r),
          }))}
        />
        <FormTextField
          id="ml-build-comment"
          label="Comment"
          {...bind('comment')}
        />
      </FormRow>
      <FormTextField
        id="ml-build-examples"
        label="Examples (JSON)"
        {...bind('examples')}
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
