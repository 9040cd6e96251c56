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
import { BuildFormState, BuildSource } from './buildForm';
import { RegisteredModelFields } from './RegisteredModelFields';

const SOURCE_OPTIONS: { value: BuildSource; label: string }[] = [
  { value: 'files', label: "The project's files" },
  { value: 'registry', label: 'From the model registry' },
];

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
  /**
   * The project whose model registry a build may come from; without it the
   * form builds from the project's files only.
   */
  registryProjectId?: string;
}

/**
 * The fields of a model build: the file and function to call (or a version
 * of the model registry, which a file's function may wrap), the runtime, a
 * comment, example requests and the build's environment.
 */
export function BuildFormFields(props: BuildFormFieldsProps) {
  const { form, onChange, files, runtimes, runtimeId, errorOf, envKey } = props;
  const { registryProjectId } = props;
  const bind = fieldBinder(form, onChange, errorOf);
  const fromRegistry = Boolean(registryProjectId) && form.source === 'registry';
  return (
    <>
      {registryProjectId && (
        <SelectField
          id="ml-build-source"
          label="Model source"
          {...bind('source')}
          onChange={value => onChange({ source: value as BuildSource })}
          options={SOURCE_OPTIONS}
        />
      )}
      {fromRegistry && registryProjectId && (
        <RegisteredModelFields
          projectId={registryProjectId}
          name={form.registeredModelName}
          version={form.registeredModelVersion}
          onChange={change =>
            onChange({
              registeredModelName: change.name,
              registeredModelVersion: change.version,
            })
          }
          errorOf={errorOf}
        />
      )}
      <FormRow widths={[2, 1]}>
        <FileField
          id="ml-build-file"
          label={fromRegistry ? 'File (optional)' : 'File'}
          {...bind('filePath')}
          files={files}
          help={
            fromRegistry
              ? "Without a file and function, the platform's MLflow pyfunc wrapper serves the version"
              : 'The file with the model function'
          }
        />
        <FormTextField
          id="ml-build-function"
          label={fromRegistry ? 'Function (optional)' : 'Function'}
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
