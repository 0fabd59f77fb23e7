import { WEEKDAYS, WEEKDAY_LABELS } from '@beacon/domain';
import { formatLongDate, formatShortDay } from '../../../lib/format';
import { weeksOf, type CalendarDay } from '../utils/grid';
import { CalendarEntry } from './calendar-entry';
import { TableWrap } from '../../../components/table-wrap';

interface ViewProps {
  days: CalendarDay[];
  now: Date;
  showAdvocate: boolean;
}

/** Seven columns, Monday to Sunday, each day's visits and meetings in time order. */
export function WeekView({ days, now, showAdvocate }: ViewProps) {
  return (
    <ol className="calendar-week" aria-label="Week">
      {days.map((day) => (
        <li
          key={day.date}
          className={day.isToday ? 'calendar-week__day calendar-week__day--today' : 'calendar-week__day'}
          aria-current={day.isToday ? 'date' : undefined}
        >
          <h3 className="calendar-week__date">
            <span className="visually-hidden">{formatLongDate(day.date)}</span>
            <span aria-hidden="true">{formatShortDay(day.date)}</span>
            {day.isToday && <span className="tag tag--info calendar-week__today">Today</span>}
          </h3>
          {day.items.length === 0 ? (
            <p className="calendar-week__none muted">Nothing booked</p>
          ) : (
            <ul className="calendar-week__items">
              {day.items.map((item) => (
                <li key={`${item.type}-${item.id}`}>
                  <CalendarEntry item={item} now={now} showAdvocate={showAdvocate} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A month as a table of weeks: a day's items under its number, days of other months dimmed. */
export function MonthView({ days, now, showAdvocate, caption }: ViewProps & { caption: string }) {
  return (
    <TableWrap>
      <table className="calendar-month">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map((weekday) => (
              <th key={weekday} scope="col">
                <abbr title={WEEKDAY_LABELS[weekday]}>{WEEKDAY_LABELS[weekday].slice(0, 3)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(days).map((week) => (
            <tr key={week[0].date}>
              {week.map((day) => (
                <td
                  key={day.date}
                  className={[
                    'calendar-month__day',
                    day.inMonth ? null : 'calendar-month__day--outside',
                    day.isToday ? 'calendar-month__day--today' : null,
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  aria-current={day.isToday ? 'date' : undefined}
                >
                  <p className="calendar-month__number">
                    <span className="visually-hidden">{formatLongDate(day.date)}</span>
                    <span aria-hidden="true">{Number(day.date.slice(8))}</span>
                  </p>
                  {day.items.length > 0 && (
                    <ul className="calendar-month__items">
                      {day.items.map((item) => (
                        <li key={`${item.type}-${item.id}`}>
                          <CalendarEntry item={item} now={now} showAdvocate={showAdvocate} compact />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Narrow screens: the days of the week or month that have something on (and today), one under another. */
export function ListView({ days, now, showAdvocate }: ViewProps) {
  const shown = days.filter((day) => day.inMonth && (day.items.length > 0 || day.isToday));
  if (shown.length === 0) return <p className="muted">Nothing booked in these days.</p>;
  return (
    <ol className="calendar-list" aria-label="Days">
      {shown.map((day) => (
        <li key={day.date} className="calendar-list__day" aria-current={day.isToday ? 'date' : undefined}>
          <h3 className="calendar-list__date">
            {formatLongDate(day.date)}
            {day.isToday && <span className="tag tag--info calendar-week__today">Today</span>}
          </h3>
          {day.items.length === 0 ? (
            <p className="muted">Nothing booked</p>
          ) : (
            <ul className="calendar-week__items">
              {day.items.map((item) => (
                <li key={`${item.type}-${item.id}`}>
                  <CalendarEntry item={item} now={now} showAdvocate={showAdvocate} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
