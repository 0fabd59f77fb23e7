import { errorText } from '../lib/problems';
import { Button } from './button';
import { Notice } from './notice';

/** The part of a react-query result a failed load needs. */
export interface RetryableQuery {
  error: unknown;
  isFetching?: boolean;
  refetch: () => unknown;
}

/**
 * What a page or section says when what it shows could not be loaded: what failed, why in words
 * the person can act on, and "Try again" (the query again, or `onRetry`: the next page of a list).
 */
export function QueryError({
  title,
  query,
  onRetry,
}: {
  /** "The referrals could not be loaded". */
  title: string;
  query: RetryableQuery;
  onRetry?: () => unknown;
}) {
  const busy = Boolean(query.isFetching);
  return (
    <div className="query-error">
      <Notice tone="error" title={title}>
        <p>{errorText(query.error)}</p>
        <Button onClick={() => void (onRetry ?? query.refetch)()} disabled={busy}>
          {busy ? 'Trying again…' : 'Try again'}
        </Button>
      </Notice>
    </div>
  );
}
