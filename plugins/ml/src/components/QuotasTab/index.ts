export { QuotasTab } from './QuotasTab';
export type { QuotasTabProps } from './QuotasTab';
