export { SessionConsole } from './SessionConsole';
export type {
  SessionConsoleHandle,
  SessionConsoleProps,
} from './SessionConsole';
