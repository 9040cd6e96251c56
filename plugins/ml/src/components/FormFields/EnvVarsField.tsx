import { EnvVarsInput } from '@ml-platform/plugin-ml-common';
import { EnvVarsEditor } from '../EnvVarsEditor';
import { ErrorAlert } from '../ErrorAlert';

/** @public */
export interface EnvVarsFieldProps {
  /** Says whose environment this overrides. */
  description: string;
  env: EnvVarsInput;
  onChange: (env: EnvVarsInput, valid: boolean) => void;
  /** False where stored secrets cannot be kept (a new build or deployment). */
  keepsSecrets?: boolean;
  /** What the server said about the variables. */
  problem?: string;
  /** Remounts the editor, with `env`, when it changes (each opening). */
  generation: number;
}

/** The form state `envVarsFieldOf` binds: values with `env` and `envValid`. */
export interface EnvVarsForm {
  values: { env: EnvVarsInput };
  setValues: (change: { env: EnvVarsInput; envValid: boolean }) => void;
  serverErrors: Record<string, string | undefined>;
  generation: number;
}

/** The props that bind an `EnvVarsField` to a form from `useDialogForm`. */
export function envVarsFieldOf(form: EnvVarsForm) {
  return {
    generation: form.generation,
    env: form.values.env,
    onChange: (env: EnvVarsInput, envValid: boolean) =>
      form.setValues({ env, envValid }),
    problem: form.serverErrors.env,
  };
}

/** A form's environment variables, with the server's problem under them. */
export function EnvVarsField(props: EnvVarsFieldProps) {
  const { generation, problem, ...editor } = props;
  return (
    <>
      <EnvVarsEditor
        key={generation}
        title="Environment variables"
        {...editor}
      />
      <ErrorAlert message={problem && `Environment: ${problem}`} />
    </>
  );
}
