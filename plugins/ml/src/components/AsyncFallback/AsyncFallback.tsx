import { Progress, ResponseErrorPanel } from '@backstage/core-components';

/** @public */
export interface AsyncFallbackProps {
  loading: boolean;
  error?: Error;
  /** Shown when the load finished without a value or an error. */
  notFound: string;
}

/**
 * What a page shows instead of its item when it has none to show: progress
 * while loading, otherwise why not. Pages render it from an early `if
 * (!value)` so that the rest of their code can rely on the value.
 */
export function AsyncFallback(props: AsyncFallbackProps) {
  const { loading, error, notFound } = props;
  if (loading) {
    return <Progress />;
  }
  return <ResponseErrorPanel error={error ?? new Error(notFound)} />;
}
