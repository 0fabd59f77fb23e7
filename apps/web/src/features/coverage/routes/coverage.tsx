import { londonDate } from '@beacon/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LiveRegion } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { RangeForm } from '../../../components/range-form';
import { EmptyState, Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { lastDays, parseRange, type DateRange } from '../../../lib/date-range';
import { formatDate, formatShortDay, formatTimeRange } from '../../../lib/format';
import { visitsQueryOptions } from '../../../lib/visit-queries';
import { MAX_RANGE_DAYS, isMissed } from '../../../lib/visits';
import { useCoverage } from '../api/get-coverage';
import { coverageTotals, heldShare, sortCoverage } from '../utils/coverage';
import { TableWrap } from '../../../components/table-wrap';
import { QueryError } from '../../../components/query-error';

/** Default: the last four weeks, today included. */
const DEFAULT_DAYS = 28;

/**
 * Ward coverage for managers: for each ward, the visits scheduled in a range and what became of
 * them. Missed visits (over and never logged) stand out, and are listed so they can be chased.
 */
export function CoverageRoute() {
  const [today] = useState(() => londonDate());
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const range = useMemo(
    () => parseRange(new URLSearchParams(search), lastDays(today, DEFAULT_DAYS), MAX_RANGE_DAYS),
    [search, today],
  );
  const coverage = useCoverage(range);
  const visits = useQuery(visitsQueryOptions(range));
  const rows = sortCoverage(coverage.data?.items ?? []);
  const totals = coverageTotals(rows);
  // As the coverage counts them: planned visits of days before today (today's are still "to come").
  const missed = (visits.data?.items ?? []).filter((visit) => isMissed(visit) && visit.date < today);

  const show = (next: DateRange) => setParams(new URLSearchParams({ from: next.from, to: next.to }));

  return (
    <section className="page">
      <div className="page-header">
        <PageHeading>Ward coverage</PageHeading>
      </div>
      <p className="lead">
        Every ward’s scheduled visits in the range and what became of them. A visit is missed when its time
        has passed and nobody logged it as held or cancelled.
      </p>
      <RangeForm
        key={search}
        id="coverage"
        label="Coverage dates"
        value={range}
        maxDays={MAX_RANGE_DAYS}
        onChange={show}
      />
      <LiveRegion>
        {coverage.isSuccess && (
          <p className="coverage__headline">
            {formatDate(range.from)} to {formatDate(range.to)}: {totals.held} of {totals.scheduled} visits
            held, {totals.cancelled} cancelled,{' '}
            <strong className={totals.missed ? 'overdue' : undefined}>{totals.missed} missed</strong>,{' '}
            {totals.upcoming} still to come.
          </p>
        )}
      </LiveRegion>
      {coverage.isPending ? (
        <Loading label="Loading ward coverage…" />
      ) : coverage.isError && !coverage.data ? (
        <QueryError title="Ward coverage could not be loaded" query={coverage} />
      ) : rows.length === 0 ? (
        <EmptyState title="No wards yet.">
          <p>
            Add hospitals and wards, then <Link to={paths.schedules.getHref()}>schedule visits</Link>.
          </p>
        </EmptyState>
      ) : (
        <TableWrap>
          <table className="table table--numbers">
            <caption className="visually-hidden">
              Ward coverage from {formatDate(range.from)} to {formatDate(range.to)}, wards with missed visits
              first
            </caption>
            <thead>
              <tr>
                <th scope="col">Ward</th>
                <th scope="col">Scheduled</th>
                <th scope="col">Held</th>
                <th scope="col">Cancelled</th>
                <th scope="col">Missed</th>
                <th scope="col">Still to come</th>
                <th scope="col">Held of due</th>
                <th scope="col">Patients seen</th>
                <th scope="col">New referrals</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.wardId}
                  className={row.missed ? 'row--attention' : row.scheduled ? undefined : 'row--muted'}
                >
                  <th scope="row">
                    {row.wardName}
                    <span className="cell-note">{row.hospitalName}</span>
                  </th>
                  <td>{row.scheduled}</td>
                  <td>{row.held}</td>
                  <td>{row.cancelled}</td>
                  <td>{row.missed ? <span className="tag tag--danger">{row.missed} missed</span> : 0}</td>
                  <td>{row.upcoming}</td>
                  <td>{heldShare(row)}</td>
                  <td>{row.patientsSeen}</td>
                  <td>{row.newReferrals}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All wards</th>
                <td>{totals.scheduled}</td>
                <td>{totals.held}</td>
                <td>{totals.cancelled}</td>
                <td>{totals.missed}</td>
                <td>{totals.upcoming}</td>
                <td>{heldShare(totals)}</td>
                <td>{totals.patientsSeen}</td>
                <td>{totals.newReferrals}</td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      )}

      {visits.isError && !visits.data && (
        <QueryError title="The list of missed visits could not be loaded" query={visits} />
      )}
      {missed.length > 0 && (
        <section className="card card--tight" aria-labelledby="missed-title">
          <h2 id="missed-title" className="section-title">
            Missed visits
          </h2>
          <p className="muted">Over, and not logged. Open one to see it, or ask the advocate to log it.</p>
          <TableWrap>
            <table className="table">
              <caption className="visually-hidden">Missed visits, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Ward</th>
                  <th scope="col">Advocate</th>
                </tr>
              </thead>
              <tbody>
                {missed.map((visit) => (
                  <tr key={visit.id}>
                    <td className="nowrap">
                      <Link to={paths.visit.getHref(visit.id, visit.date)}>
                        {formatShortDay(visit.date)}, {formatTimeRange(visit.startsAt, visit.endsAt)}
                      </Link>
                    </td>
                    <td>
                      {visit.wardName}
                      <span className="cell-note">{visit.hospitalName}</span>
                    </td>
                    <td>{visit.advocateName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      )}
    </section>
  );
}
