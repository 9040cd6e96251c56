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
