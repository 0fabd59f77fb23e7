import { can, londonDate } from '@beacon/domain';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { LiveRegion, Notice } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { errorText } from '../../../lib/problems';
import { isOverdue } from '../../../lib/referrals';
import { useUser } from '../../../lib/use-session';
import { useCaseload } from '../api/get-caseload';
import { CaseloadTable } from '../components/caseload-table';
import { sortCaseload } from '../utils/sort';

/** The advocate's own open cases, the ones waiting for first contact first. */
export function CaseloadRoute() {
  const me = useUser();
  const caseload = useCaseload(me.id);
  const items = sortCaseload(caseload.data?.pages.flatMap((page) => page.items) ?? []);
  const today = londonDate();
  const waiting = items.filter((r) => r.firstContactAt === null).length;
  const overdue = items.filter((r) => isOverdue(r, today)).length;

  return (
    <section className="page">
      <div className="page-header">
        <PageHeading>My caseload</PageHeading>
        {can(me.roles, 'referrals.create') && (
          <Link className="button button--primary" to={paths.newReferral.getHref()}>
            New referral
          </Link>
        )}
      </div>
      <LiveRegion>
        {caseload.isSuccess && items.length > 0 && (
          <p className="muted result-count">
            {items.length === 1 ? '1 open case' : `${items.length} open cases`}
            {caseload.hasNextPage ? ' shown, more to load' : ''}: {waiting} awaiting first contact
            {overdue > 0 ? `, ${overdue} overdue` : ''}.
          </p>
        )}
      </LiveRegion>
      {caseload.isPending ? (
        <Loading label="Loading your caseload…" />
      ) : caseload.isError && !caseload.data ? (
        <Notice tone="error" title="Your caseload could not be loaded">
          <p>{errorText(caseload.error)}</p>
          <Button onClick={() => caseload.refetch()}>Try again</Button>
        </Notice>
      ) : items.length === 0 ? (
        <EmptyState title="No cases allocated to you yet.">
          <p>When a manager allocates a referral to you, it will appear here with its next steps.</p>
        </EmptyState>
      ) : (
        <>
          <CaseloadTable referrals={items} today={today} />
          {caseload.hasNextPage && (
            <div className="actions actions--center">
              <Button onClick={() => caseload.fetchNextPage()} disabled={caseload.isFetchingNextPage}>
                {caseload.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
