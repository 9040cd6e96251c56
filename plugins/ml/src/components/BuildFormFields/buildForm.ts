import { EnvVarsInput } from '@ml-platform/plugin-ml-common';
import { MlCreateBuildRequest } from '../../api';
import { parseExamples } from '../../lib/models';

/** Where the build's model comes from. */
export type BuildSource = 'files' | 'registry';

/** The build form as typed: examples stay text until they parse. */
export interface BuildFormState {
  source: BuildSource;
  filePath: string;
  functionName: string;
  /** With the `registry` source: the registered model and its version. */
  registeredModelName: string;
  registeredModelVersion: string;
  runtimeId: string;
  comment: string;
  examples: string;
  env: EnvVarsInput;
  envValid: boolean;
}

export function emptyBuildForm(): BuildFormState {
  return {
    source: 'files',
    filePath: '',
    functionName: '',
    registeredModelName: '',
    registeredModelVersion: '',
    runtimeId: '',
    comment: '',
    examples: '',
    env: {},
    envValid: true,
  };
}

const PYTHON_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Problems = Record<string, string | undefined>;

/** A build from the project's files: both the file and its function. */
function fileProblems(filePath: string, functionName: string): Problems {
  return {
    filePath: filePath ? undefined : 'Choose the file',
    functionName: PYTHON_IDENTIFIER.test(functionName)
      ? undefined
      : 'A Python function name',
  };
}

/**
 * A build from the registry: a version, and a file with its function only
 * to wrap the model (both or neither; the server says the same).
 */
function registryProblems(
  form: BuildFormState,
  filePath: string,
  functionName: string,
): Problems {
  return {
    registeredModel: form.registeredModelName
      ? undefined
      : 'Choose a registered model',
    'registeredModel.version': form.registeredModelVersion
      ? undefined
      : 'Choose a version',
    filePath:
      !filePath && functionName ? 'Choose the file of the function' : undefined,
    functionName:
      filePath && !PYTHON_IDENTIFIER.test(functionName)
        ? 'A Python function name, with a file'
        : undefined,
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
  problems: Problems;
  request?: MlCreateBuildRequest;
} {
  const examples = parseExamples(form.examples);
  const filePath = form.filePath.trim();
  const functionName = form.functionName.trim();
  const fromRegistry = form.source === 'registry';
  const problems: Problems = {
    ...(fromRegistry
      ? registryProblems(form, filePath, functionName)
      : fileProblems(filePath, functionName)),
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
  const rest = {
    runtimeId,
    comment: form.comment.trim(),
    examples: examples.examples,
    env: form.env,
  };
  if (!fromRegistry) {
    return { problems, request: { filePath, functionName, ...rest } };
  }
  return {
    problems,
    request: {
      registeredModel: {
        name: form.registeredModelName,
        version: form.registeredModelVersion,
      },
      ...(filePath ? { filePath, functionName } : {}),
      ...rest,
    },
  };
}
