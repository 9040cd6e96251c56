import {
  EmptyState,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/** Where a page about a missing item sends people instead. */
export interface FallbackBack {
  label: string;
  to: string;
}

/** @public */
export interface AsyncFallbackProps {
  loading: boolean;
  error?: Error;
  /** Shown when the load finished without a value or an error. */
  notFound: string;
  /** A way back from an item that is missing or hidden from the caller. */
  back?: FallbackBack;
}

/**
 * 400 is a malformed id in the address, 404 an item that does not exist or
 * is not shared with the caller (hidden projects answer 404, never 403).
 */
function missingReason(error: Error | undefined): string | undefined {
  const status = error instanceof ResponseError ? error.statusCode : undefined;
  if (status === 400 || status === 404) {
    return 'It does not exist, or it is not shared with you. Check the address, or ask its owner to add you as a collaborator.';
  }
  if (status === 403) {
    // The server's own words, not the client's "Request failed with 403".
    const reason = (error as ResponseError).body.error.message;
    return `You may not see it: ${reason}`;
  }
  return undefined;
}

/**
 * What a page shows instead of its item when it has none to show: progress
 * while loading, a friendly page with a way back when the item is missing
 * or hidden, otherwise the error. Pages render it from an early `if
 * (!value)` so that the rest of their code can rely on the value.
 */
export function AsyncFallback(props: AsyncFallbackProps) {
  const { loading, error, notFound, back } = props;
  if (loading) {
    return <Progress />;
  }
  const missing = missingReason(error);
  if (missing) {
    return (
      <EmptyState
        missing="info"
        title={notFound}
        description={missing}
        action={
          back && (
            <LinkButton variant="contained" color="primary" to={back.to}>
              {back.label}
            </LinkButton>
          )
        }
      />
    );
  }
  return <ResponseErrorPanel error={error ?? new Error(notFound)} />;
}
