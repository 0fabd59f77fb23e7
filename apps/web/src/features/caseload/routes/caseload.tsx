import { can, londonDate } from '@beacon/domain';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { LiveRegion } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { isOverdue } from '../../../lib/referrals';
import { useUser } from '../../../lib/use-session';
import { useCaseload } from '../api/get-caseload';
import { useDashboardVisits, useUpcomingCalendar } from '../api/get-dashboard';
import { useMyReferrals } from '../api/get-my-referrals';
import { CaseloadTable } from '../components/caseload-table';
import { MyReferralsTable } from '../components/my-referrals-table';
import { VisitList } from '../components/ward-visits';
import { nextMeetings, splitVisits } from '../utils/dashboard';
import { sortCaseload } from '../utils/sort';
import { QueryError } from '../../../components/query-error';

function Section({
  id,
  title,
  children,
  tone,
}: {
  id: string;
  title: string;
  children: ReactNode;
  tone?: 'attention';
}) {
  return (
    <section
      className={tone ? 'dashboard__section dashboard__section--attention' : 'dashboard__section'}
      aria-labelledby={id}
    >
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The advocate's day: ward visits that still need logging, this week's visits, their open cases
 * (those waiting for first contact first, each with its next meeting), and the referrals they took.
 * `reminders`: the reminders panel, which the router puts first (features do not import each other).
 */
export function CaseloadRoute({ reminders }: { reminders?: ReactNode }) {
  const me = useUser();
  const [today] = useState(() => londonDate());
  const [now] = useState(() => new Date());
  const caseload = useCaseload(me.id);
  const visits = useDashboardVisits(me.id, today);
  const calendar = useUpcomingCalendar(me.id, today);
  const taken = useMyReferrals(me.id);
  const items = sortCaseload(caseload.data?.pages.flatMap((page) => page.items) ?? []);
  const takenItems = taken.data?.pages.flatMap((page) => page.items) ?? [];
  const waiting = items.filter((r) => r.firstContactAt === null).length;
  const overdue = items.filter((r) => isOverdue(r, today)).length;
  const { missed, thisWeek } = useMemo(
    () => splitVisits(visits.data?.items ?? [], today),
    [visits.data, today],
  );
  const meetings = useMemo(
    () => (calendar.data ? nextMeetings(calendar.data.items, now) : undefined),
    [calendar.data, now],
  );

  return (
    <section className="page dashboard">
      <div className="page-header">
        <PageHeading>My caseload</PageHeading>
        {can(me.roles, 'referrals.create') && (
          <Link className="button button--primary" to={paths.newReferral.getHref()}>
            New referral
          </Link>
        )}
      </div>

      {reminders}

      {missed.length > 0 && (
        <Section id="missed-visits" title="Visits to log" tone="attention">
          <p className="muted">
            {missed.length === 1
              ? 'This ward visit is over but not logged yet.'
              : `These ${missed.length} ward visits are over but not logged yet.`}{' '}
            Log each one as held or cancelled, so ward coverage is right.
          </p>
          <VisitList visits={missed} today={today} label="Visits to log" />
        </Section>
      )}

      <Section id="week-visits" title="This week’s ward visits">
        {visits.isPending ? (
          <Loading label="Loading your visits…" />
        ) : visits.isError ? (
          <QueryError title="Your visits could not be loaded" query={visits} />
        ) : thisWeek.length === 0 ? (
          <p className="muted">
            No ward visits this week. Visits come from the weekly schedules a manager sets; they show here and
            on your calendar.
          </p>
        ) : (
          <VisitList visits={thisWeek} today={today} label="This week’s ward visits" />
        )}
      </Section>

      <Section id="open-cases" title="My open cases">
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
          <QueryError title="Your caseload could not be loaded" query={caseload} />
        ) : items.length === 0 ? (
          <EmptyState title="No cases allocated to you yet.">
            <p>When a manager allocates a referral to you, it will appear here with its next steps.</p>
          </EmptyState>
        ) : (
          <>
            <CaseloadTable referrals={items} today={today} meetings={meetings} />
            {caseload.isFetchNextPageError ? (
              <QueryError
                title="More cases could not be loaded"
                query={caseload}
                onRetry={() => caseload.fetchNextPage()}
              />
            ) : (
              caseload.hasNextPage && (
                <div className="actions actions--center">
                  <Button onClick={() => caseload.fetchNextPage()} disabled={caseload.isFetchingNextPage}>
                    {caseload.isFetchingNextPage ? 'Loading…' : 'Load more'}
                  </Button>
                </div>
              )
            )}
          </>
        )}
      </Section>

      <Section id="taken-referrals" title="Referrals I took">
        {taken.isPending ? (
          <Loading label="Loading the referrals you took…" />
        ) : taken.isError && !taken.data ? (
          <QueryError title="The referrals you took could not be loaded" query={taken} />
        ) : takenItems.length === 0 ? (
          <p className="muted">
            None yet. Referrals you take, for example on a ward visit, are listed here while a manager triages
            them and after.
          </p>
        ) : (
          <>
            <MyReferralsTable referrals={takenItems} />
            {taken.isFetchNextPageError ? (
              <QueryError
                title="More referrals could not be loaded"
                query={taken}
                onRetry={() => taken.fetchNextPage()}
              />
            ) : (
              taken.hasNextPage && (
                <div className="actions actions--center">
                  <Button onClick={() => taken.fetchNextPage()} disabled={taken.isFetchingNextPage}>
                    {taken.isFetchingNextPage ? 'Loading…' : 'Show more'}
                  </Button>
                </div>
              )
            )}
          </>
        )}
      </Section>
    </section>
  );
}
