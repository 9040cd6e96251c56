export { EnvVarsEditor } from './EnvVarsEditor';
export type { EnvVarsEditorProps } from './EnvVarsEditor';
export { secretsToReenter } from './envRows';
