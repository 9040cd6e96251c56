export { AsyncTable } from './AsyncTable';
export type { AsyncTableProps } from './AsyncTable';
