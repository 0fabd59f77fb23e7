import { can, londonDate } from '@beacon/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../../components/fields';
import { PageHeading } from '../../../components/page-heading';
import { RangeForm } from '../../../components/range-form';
import { EmptyState, Loading } from '../../../components/status';
import { advocatesQueryOptions } from '../../../lib/advocates';
import { parseRange, type DateRange } from '../../../lib/date-range';
import { formatDate, formatMinutes } from '../../../lib/format';
import { useUser } from '../../../lib/use-session';
import { useWeeklyTime } from '../api/get-weekly-time';
import { advocateTotals, defaultTimeRange, sumMinutes, weekRows, weeksIn } from '../utils/time';
import { TableWrap } from '../../../components/table-wrap';
import { QueryError } from '../../../components/query-error';

/** The API totals up to a year at a time. */
const MAX_DAYS = 366;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Time spent, week by week: case notes' minutes plus held ward visits. Advocates see their own;
 * managers everyone's, or one advocate's.
 */
export function TimeRoute() {
  const me = useUser();
  const [today] = useState(() => londonDate());
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const range = useMemo(
    () => parseRange(new URLSearchParams(search), defaultTimeRange(today), MAX_DAYS),
    [search, today],
  );
  const seesEveryone = can(me.roles, 'advocates.list');
  const advocateParam = params.get('advocate');
  const advocateId = seesEveryone
    ? advocateParam && UUID.test(advocateParam)
      ? advocateParam
      : undefined
    : me.id;
  const time = useWeeklyTime({ ...range, advocateId });
  const advocates = useQuery({ ...advocatesQueryOptions(), enabled: seesEveryone });
  const items = time.data?.items ?? [];
  const weeks = weekRows(items, range.from, range.to);
  const total = sumMinutes(weeks);
  const perAdvocate =
    seesEveryone && !advocateId ? advocateTotals(items, weeksIn(range.from, range.to).length) : [];

  const apply = (next: DateRange, advocate = advocateParam) => {
    const query = new URLSearchParams({ from: next.from, to: next.to });
    if (advocate) query.set('advocate', advocate);
    setParams(query);
  };

  return (
    <section className="page">
      <div className="page-header">
        <PageHeading>Time</PageHeading>
      </div>
      <p className="lead">
        Minutes recorded on case notes, and on ward visits logged as held, week by week (weeks start on
        Monday).
      </p>
      <RangeForm
        key={search}
        id="time"
        label="Time dates"
        value={range}
        maxDays={MAX_DAYS}
        onChange={(next) => apply(next)}
      >
        {seesEveryone && (
          <SelectField
            id="time-advocate"
            label="Advocate"
            value={advocateId ?? ''}
            onChange={(event) => apply(range, event.target.value || null)}
          >
            <option value="">Everyone</option>
            {advocates.data?.items.map((advocate) => (
              <option key={advocate.id} value={advocate.id}>
                {advocate.displayName}
              </option>
            ))}
          </SelectField>
        )}
      </RangeForm>
      {time.isPending ? (
        <Loading label="Loading time…" />
      ) : time.isError && !time.data ? (
        <QueryError title="Time could not be loaded" query={time} />
      ) : (
        <>
          <p className="time__headline" aria-live="polite">
            {formatDate(range.from)} to {formatDate(range.to)}:{' '}
            <strong>{formatMinutes(total.totalMinutes)}</strong> ({formatMinutes(total.caseworkMinutes)}{' '}
            casework, {formatMinutes(total.visitMinutes)} ward visits)
          </p>
          {items.length === 0 && (
            <EmptyState title="No time recorded in these dates.">
              <p>
                Time comes from the minutes on case notes and on ward visits logged as held. Choose other
                dates
                {seesEveryone ? ' or another advocate' : ''} to see more.
              </p>
            </EmptyState>
          )}
          {perAdvocate.length > 0 && (
            <section className="card card--tight" aria-labelledby="time-advocates-title">
              <h2 id="time-advocates-title" className="section-title">
                By advocate
              </h2>
              <TableWrap>
                <table className="table table--numbers">
                  <caption className="visually-hidden">Time by advocate over the range</caption>
                  <thead>
                    <tr>
                      <th scope="col">Advocate</th>
                      <th scope="col">Casework</th>
                      <th scope="col">Ward visits</th>
                      <th scope="col">Total</th>
                      <th scope="col">Average week</th>
                    </tr>
                  </thead>
                  <tbody>
                    {perAdvocate.map((row) => (
                      <tr key={row.advocateId}>
                        <th scope="row">{row.advocateName}</th>
                        <td>{formatMinutes(row.caseworkMinutes)}</td>
                        <td>{formatMinutes(row.visitMinutes)}</td>
                        <td>{formatMinutes(row.totalMinutes)}</td>
                        <td>{formatMinutes(row.weeklyAverage)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          )}
          <section className="card card--tight" aria-labelledby="time-weeks-title">
            <h2 id="time-weeks-title" className="section-title">
              Week by week{perAdvocate.length > 0 ? ', everyone' : ''}
            </h2>
            <TableWrap>
              <table className="table table--numbers">
                <caption className="visually-hidden">Time week by week</caption>
                <thead>
                  <tr>
                    <th scope="col">Week starting</th>
                    <th scope="col">Casework</th>
                    <th scope="col">Ward visits</th>
                    <th scope="col">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((week) => (
                    <tr key={week.weekStarting} className={week.totalMinutes ? undefined : 'row--muted'}>
                      <th scope="row">Monday {formatDate(week.weekStarting)}</th>
                      <td>{formatMinutes(week.caseworkMinutes)}</td>
                      <td>{formatMinutes(week.visitMinutes)}</td>
                      <td>{formatMinutes(week.totalMinutes)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Total</th>
                    <td>{formatMinutes(total.caseworkMinutes)}</td>
                    <td>{formatMinutes(total.visitMinutes)}</td>
                    <td>{formatMinutes(total.totalMinutes)}</td>
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
          </section>
        </>
      )}
    </section>
  );
}
