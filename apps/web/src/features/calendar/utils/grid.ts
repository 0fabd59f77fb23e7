import { addDays, MONTH_NAMES } from '@beacon/domain';
import type { CalendarItem } from '../../../lib/calendar';
import { londonDayOf, mondayOf, parseDateParam } from '../../../lib/dates';

/**
 * The calendar's weeks and months as London calendar days. Items are placed on the London day
 * they start on, so an item at 00:30 on the Sunday the clocks change stays on that Sunday and
 * a week is always Monday to Sunday, seven days, whatever the clocks do.
 */

export const CALENDAR_VIEWS = ['week', 'month'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export interface CalendarDay {
  date: string;
  /** In the month shown (a month grid starts and ends with days of its neighbours). */
  inMonth: boolean;
  isToday: boolean;
  items: CalendarItem[];
}

export interface CalendarParams {
  view: CalendarView;
  /** Any day in the week or month shown. */
  anchor: string;
  advocateId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The calendar's state from its address, keeping only values that make sense. */
export function parseCalendarParams(params: URLSearchParams, today: string): CalendarParams {
  const view = params.get('view');
  const advocateId = params.get('advocate');
  return {
    view: view === 'month' ? 'month' : 'week',
    anchor: parseDateParam(params.get('date')) ?? today,
    advocateId: advocateId && UUID.test(advocateId) ? advocateId : null,
  };
}

function firstOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

function lastOfMonth(date: string): string {
  const [year, month] = date.split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** The days a view shows: Monday to Sunday of the week, or whole weeks around the month. */
export function viewRange(view: CalendarView, anchor: string): { from: string; to: string } {
  if (view === 'week') {
    const monday = mondayOf(anchor);
    return { from: monday, to: addDays(monday, 6) };
  }
  return { from: mondayOf(firstOfMonth(anchor)), to: addDays(mondayOf(lastOfMonth(anchor)), 6) };
}

/** The anchor of the previous (-1) or next (1) week or month; a month moves to its first day. */
export function shiftAnchor(view: CalendarView, anchor: string, direction: -1 | 1): string {
  if (view === 'week') return addDays(anchor, 7 * direction);
  const first = firstOfMonth(anchor);
  return direction === 1 ? addDays(lastOfMonth(first), 1) : firstOfMonth(addDays(first, -1));
}

/** Every day from `from` to `to` with its items, in time order. */
export function buildDays(
  from: string,
  to: string,
  items: readonly CalendarItem[],
  today: string,
  month?: string,
): CalendarDay[] {
  const byDay = new Map<string, CalendarItem[]>();
  for (const item of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = londonDayOf(item.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const days: CalendarDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    days.push({
      date,
      inMonth: month === undefined || date.slice(0, 7) === month.slice(0, 7),
      isToday: date === today,
      items: byDay.get(date) ?? [],
    });
  }
  return days;
}

/** Days in rows of seven (Monday first), for a month grid. */
export function weeksOf(days: readonly CalendarDay[]): CalendarDay[][] {
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** A visit still planned after it ended was not logged: the calendar says so. */
export function isUnlogged(item: CalendarItem, now: Date): boolean {
  return item.type === 'VISIT' && item.status === 'PLANNED' && Date.parse(item.endsAt) < now.getTime();
}

function parts(date: string) {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month: MONTH_NAMES[month - 1], day };
}

/** What the view shows, as a heading: "23–29 March 2026", "30 March – 5 April 2026", "March 2026". */
export function rangeLabel(view: CalendarView, anchor: string): string {
  if (view === 'month') {
    const { year, month } = parts(anchor);
    return `${month} ${year}`;
  }
  const { from, to } = viewRange('week', anchor);
  const a = parts(from);
  const b = parts(to);
  if (a.year !== b.year) return `${a.day} ${a.month} ${a.year} – ${b.day} ${b.month} ${b.year}`;
  if (a.month !== b.month) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  return `${a.day}–${b.day} ${b.month} ${b.year}`;
}

/**
 * What to call an item in a small space. The calendar titles visits "Ward visit: Ward, Hospital"
 * and meetings "Kind: Name"; a visit shows its ward, with the hospital underneath.
 */
export function describeItem(item: Pick<CalendarItem, 'type' | 'title'>): {
  title: string;
  detail: string | null;
} {
  if (item.type !== 'VISIT') return { title: item.title, detail: null };
  const place = item.title.replace(/^Ward visit: /, '');
  const comma = place.indexOf(', ');
  return comma < 0
    ? { title: place, detail: null }
    : { title: place.slice(0, comma), detail: place.slice(comma + 2) };
}
