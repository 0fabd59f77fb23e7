import { can } from '@beacon/domain';
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { LiveRegion } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { useUser } from '../../../lib/use-session';
import { useReferralCounts } from '../api/get-referral-counts';
import { useReferrals } from '../api/get-referrals';
import { ReferralFilters } from '../components/referral-filters';
import { ReferralsTable } from '../components/referrals-table';
import { ReportFilterList } from '../components/report-filter-list';
import {
  QUEUE_FILTERS,
  isFiltered,
  parseReferralFilters,
  viewOf,
  type FilterKey,
  type ReferralView,
} from '../utils/filters';
import { QueryError } from '../../../components/query-error';

const VIEW_LABELS: Record<ReferralView, string> = {
  triage: 'Awaiting triage',
  allocation: 'Awaiting allocation',
  all: 'All referrals',
};

const EMPTY_TEXT: Record<Exclude<ReferralView, 'all'>, { title: string; body: string }> = {
  triage: {
    title: 'No referrals waiting for triage.',
    body: 'New referrals will appear here, oldest first, for you to check eligibility and scope.',
  },
  allocation: {
    title: 'No referrals waiting for an advocate.',
    body: 'Referrals you accept at triage appear here, oldest first, until they are allocated.',
  },
};

/** The manager's Referrals page: the two triage queues, and every referral with filters. */
export function ReferralsRoute() {
  const me = useUser();
  const [params, setParams] = useSearchParams();
  const view = viewOf(params);
  const search = params.toString();
  const filters = useMemo(() => parseReferralFilters(new URLSearchParams(search)), [search]);
  const list = useReferrals(view === 'all' ? filters : QUEUE_FILTERS[view]);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  // The tabs' counts are the API's per-status totals, not the length of a loaded page.
  const byStatus = useReferralCounts().data?.byStatus;
  const counts: Record<ReferralView, number | null> = {
    triage: byStatus?.['RECEIVED'] ?? null,
    allocation: byStatus?.['AWAITING_ALLOCATION'] ?? null,
    all: null,
  };

  const setFilters = useCallback(
    (change: Partial<Record<FilterKey, string>>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          // Filters belong to "All referrals", which an address from global search only implies.
          next.set('view', 'all');
          for (const [key, value] of Object.entries(change)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const viewHref = (next: ReferralView) => {
    const query = new URLSearchParams(next === 'all' ? search : '');
    query.set('view', next);
    return paths.referrals.getHref(query);
  };

  return (
    <section className="page">
      <div className="page-header">
        <PageHeading>Referrals</PageHeading>
        {can(me.roles, 'referrals.create') && (
          <Link className="button button--primary" to={paths.newReferral.getHref()}>
            New referral
          </Link>
        )}
      </div>
      <nav aria-label="Referral lists" className="tabs">
        <ul className="tabs__list">
          {(Object.keys(VIEW_LABELS) as ReferralView[]).map((key) => (
            <li key={key}>
              <Link
                to={viewHref(key)}
                replace
                className="tabs__tab"
                aria-current={view === key ? 'page' : undefined}
              >
                {VIEW_LABELS[key]}
                {counts[key] !== null && <span className="tabs__count">{counts[key]}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="visually-hidden">{VIEW_LABELS[view]}</h2>
      {view === 'all' ? (
        <>
          <ReferralFilters filters={filters} onChange={setFilters} />
          <ReportFilterList filters={filters} onClear={setFilters} />
        </>
      ) : (
        <p className="muted">
          Oldest first. {view === 'triage' ? 'Open one to accept or decline it.' : 'Open one to allocate it.'}
        </p>
      )}
      <LiveRegion>
        {list.isSuccess && view === 'all' && (
          <p className="muted result-count">
            {items.length === 1 ? '1 referral' : `${items.length} referrals`}
            {list.hasNextPage ? ' shown, more to load' : isFiltered(filters) ? ' match' : ''}
          </p>
        )}
      </LiveRegion>
      {list.isPending ? (
        <Loading label="Loading referrals…" />
      ) : list.isError && !list.data ? (
        <QueryError title="The referrals could not be loaded" query={list} />
      ) : items.length === 0 ? (
        view === 'all' ? (
          <EmptyState
            title={isFiltered(filters) ? 'No referrals match these filters.' : 'There are no referrals yet.'}
          >
            <p>
              {isFiltered(filters)
                ? 'Change or clear the filters to see more.'
                : 'Referrals appear here once taken, with “New referral” or by an advocate on a ward visit.'}
            </p>
          </EmptyState>
        ) : (
          <EmptyState title={EMPTY_TEXT[view].title}>
            <p>{EMPTY_TEXT[view].body}</p>
          </EmptyState>
        )
      ) : (
        <>
          <ReferralsTable referrals={items} caption={VIEW_LABELS[view]} withStatus={view === 'all'} />
          {list.hasNextPage && (
            <div className="actions actions--center">
              <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            </div>
          )}
          {list.isFetchNextPageError && (
            <QueryError
              title="More referrals could not be loaded"
              query={list}
              onRetry={() => list.fetchNextPage()}
            />
          )}
        </>
      )}
    </section>
  );
}
