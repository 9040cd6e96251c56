export { AsyncFallback } from './AsyncFallback';
export type { AsyncFallbackProps } from './AsyncFallback';
