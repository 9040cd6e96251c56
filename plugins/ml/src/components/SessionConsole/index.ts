export { SessionConsole } from './SessionConsole';
export type { SessionConsoleProps } from './SessionConsole';
