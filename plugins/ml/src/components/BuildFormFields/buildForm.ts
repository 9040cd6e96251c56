import { EnvVarsInput } from '@ml-platform/plugin-ml-common';
import { MlCreateBuildRequest } from '../../api';
import { parseExamples } from '../../lib/models';

/** The build form as typed: examples stay text until they parse. */
export interface BuildFormState {
  filePath: string;
  functionName: string;
  runtimeId: string;
  comment: string;
  examples: string;
  env: EnvVarsInput;
  envValid: boolean;
}

export function emptyBuildForm(): BuildFormState {
  return {
    filePath: '',
    functionName: '',
    runtimeId: '',
    comment: '',
    examples: '',
    env: {},
    envValid: true,
  };
}

/**
 * What is wrong with each field, by the API's field names (so that server
 * errors land in the same places), and the request when nothing is.
 */
export function checkBuildForm(
  form: BuildFormState,
  runtimeId: string,
): {
  problems: Record<string, string | undefined>;
  request?: MlCreateBuildRequest;
} {
  const examples = parseExamples(form.examples);
  const problems: Record<string, string | undefined> = {
    filePath: form.filePath.trim() ? undefined : 'Choose the file',
    functionName: /^[A-Za-z_][A-Za-z0-9_]*$/.test(form.functionName.trim())
      ? undefined
      : 'A Python function name',
    runtimeId: runtimeId ? undefined : 'Choose a runtime',
    examples: 'problem' in examples ? examples.problem : undefined,
  };
  if (
    Object.values(problems).some(Boolean) ||
    !form.envValid ||
    'problem' in examples
  ) {
    return { problems };
  }
  return {
    problems,
    request: {
      filePath: form.filePath.trim(),
      functionName: form.functionName.trim(),
      runtimeId,
      comment: form.comment.trim(),
      examples: examples.examples,
      env: form.env,
    },
  };
}
