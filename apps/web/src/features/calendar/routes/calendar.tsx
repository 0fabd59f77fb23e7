import { can, londonDate } from '@beacon/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SelectField } from '../../../components/fields';
import { PageHeading } from '../../../components/page-heading';
import { Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { advocatesQueryOptions } from '../../../lib/advocates';
import { calendarQueryOptions } from '../../../lib/calendar';
import { NARROW_SCREEN, useMediaQuery } from '../../../lib/use-media-query';
import { useUser } from '../../../lib/use-session';
import { ListView, MonthView, WeekView } from '../components/calendar-views';
import { FeedPanel } from '../components/feed-panel';
import {
  CALENDAR_VIEWS,
  buildDays,
  parseCalendarParams,
  rangeLabel,
  shiftAnchor,
  viewRange,
  type CalendarParams,
  type CalendarView,
} from '../utils/grid';
import { QueryError } from '../../../components/query-error';

const VIEW_LABELS: Record<CalendarView, string> = { week: 'Week', month: 'Month' };

/**
 * Ward visits and meetings by week or month: an advocate's own, a manager's for one advocate or
 * everyone. On narrow screens the grids become a list of days.
 */
export function CalendarRoute() {
  const me = useUser();
  const [today] = useState(() => londonDate());
  const [now] = useState(() => new Date());
  const [params, setParams] = useSearchParams();
  const state = parseCalendarParams(params, today);
  const seesEveryone = can(me.roles, 'advocates.list');
  const advocateId = seesEveryone ? (state.advocateId ?? undefined) : me.id;
  const range = viewRange(state.view, state.anchor);
  const calendar = useQuery({
    ...calendarQueryOptions({ ...range, advocateId }),
    // The previous week stays on screen while the next loads, rather than a flash of nothing.
    placeholderData: keepPreviousData,
  });
  const advocates = useQuery({ ...advocatesQueryOptions(), enabled: seesEveryone });
  const narrow = useMediaQuery(NARROW_SCREEN);
  const label = rangeLabel(state.view, state.anchor);
  const days = useMemo(
    () =>
      buildDays(
        range.from,
        range.to,
        calendar.data?.items ?? [],
        today,
        state.view === 'month' ? state.anchor : undefined,
      ),
    [range.from, range.to, calendar.data, today, state.view, state.anchor],
  );
  const showAdvocate = seesEveryone && !advocateId;

  const queryFor = (change: Partial<CalendarParams>) => {
    const next = { ...state, ...change };
    const query = new URLSearchParams();
    if (next.view !== 'week') query.set('view', next.view);
    if (next.anchor !== today) query.set('date', next.anchor);
    if (next.advocateId) query.set('advocate', next.advocateId);
    return query;
  };
  const hrefFor = (change: Partial<CalendarParams>) => paths.calendar.getHref(queryFor(change));
  const unit = state.view === 'week' ? 'week' : 'month';

  return (
    <section className="page calendar">
      <div className="page-header">
        <PageHeading>Calendar</PageHeading>
      </div>
      <div className="calendar__toolbar">
        <nav aria-label="Calendar dates" className="calendar__nav">
          <Link
            className="button button--secondary"
            to={hrefFor({ anchor: shiftAnchor(state.view, state.anchor, -1) })}
          >
            <span aria-hidden="true">‹</span> Previous {unit}
          </Link>
          <Link className="button button--secondary" to={hrefFor({ anchor: today })}>
            Today
          </Link>
          <Link
            className="button button--secondary"
            to={hrefFor({ anchor: shiftAnchor(state.view, state.anchor, 1) })}
          >
            Next {unit} <span aria-hidden="true">›</span>
          </Link>
        </nav>
        <nav aria-label="Calendar view" className="calendar__views">
          <ul className="segmented">
            {CALENDAR_VIEWS.map((view) => (
              <li key={view}>
                <Link
                  className="segmented__option"
                  to={hrefFor({ view })}
                  aria-current={state.view === view ? 'page' : undefined}
                >
                  {VIEW_LABELS[view]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {seesEveryone && (
          <SelectField
            id="calendar-advocate"
            label="Whose calendar"
            className="calendar__who"
            value={state.advocateId ?? ''}
            onChange={(event) => setParams(queryFor({ advocateId: event.target.value || null }))}
          >
            <option value="">Everyone</option>
            {advocates.data?.items.map((advocate) => (
              <option key={advocate.id} value={advocate.id}>
                {advocate.displayName}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <h2 className="calendar__range" aria-live="polite">
        {label}
      </h2>
      {calendar.isPending ? (
        <Loading label="Loading the calendar…" />
      ) : calendar.isError && !calendar.data ? (
        <QueryError title="The calendar could not be loaded" query={calendar} />
      ) : (
        <>
          {calendar.data.items.length === 0 && (
            <p className="calendar__empty muted">
              Nothing on the calendar this {unit}. Ward visits come from the weekly visit schedules and
              meetings from open cases.{' '}
              {can(me.roles, 'schedules.manage') ? (
                <Link to={paths.schedules.getHref()}>Manage visit schedules</Link>
              ) : (
                `Try the next ${unit}.`
              )}
            </p>
          )}
          {narrow ? (
            <ListView days={days} now={now} showAdvocate={showAdvocate} />
          ) : state.view === 'week' ? (
            <WeekView days={days} now={now} showAdvocate={showAdvocate} />
          ) : (
            <MonthView days={days} now={now} showAdvocate={showAdvocate} caption={label} />
          )}
        </>
      )}
      <p className="calendar__key muted">
        Ward visits open their log; meetings open their case. Times are UK time.
      </p>
      {can(me.roles, 'calendar.feed') && <FeedPanel />}
    </section>
  );
}
