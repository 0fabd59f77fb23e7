import { addDays, daysBetween, isIsoDate, weekdayOf } from './dates';
import { WEEKDAYS, type Weekday } from './enums';

/**
 * Weekly ward-visit schedules and the wall-clock times of England. A schedule says "Ward 3,
 * every Tuesday at 10:00 for 90 minutes, from 6 January": the visit stays at 10:00 in England
 * when the clocks change, so its instant in UTC moves by an hour twice a year.
 */

export interface WeeklySchedule {
  weekday: Weekday;
  /** HH:mm, 24-hour, Europe/London wall time. */
  startTime: string;
  durationMinutes: number;
  /** First day the schedule applies (YYYY-MM-DD). */
  startsOn: string;
  /** Last day it applies, inclusive; null for no end. */
  endsOn: string | null;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A 24-hour wall time, HH:mm (00:00–23:59). */
export function isWallTime(value: unknown): value is string {
  return typeof value === 'string' && TIME.test(value);
}

/** The longest span `occurrenceDates` expands at once, so one request cannot ask for years. */
export const MAX_EXPANSION_DAYS = 366;

/**
 * The dates in [from, to] (inclusive) on which `schedule` falls, oldest first. Throws
 * RangeError on malformed dates or a span longer than MAX_EXPANSION_DAYS.
 */
export function occurrenceDates(
  schedule: Pick<WeeklySchedule, 'weekday' | 'startsOn' | 'endsOn'>,
  from: string,
  to: string,
): string[] {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
    ['startsOn', schedule.startsOn],
  ] as const) {
    if (!isIsoDate(value)) throw new RangeError(`${name} must be a date as YYYY-MM-DD`);
  }
  if (daysBetween(from, to) > MAX_EXPANSION_DAYS) throw new RangeError('the range is too long to expand');
  const start = schedule.startsOn > from ? schedule.startsOn : from;
  const end = schedule.endsOn !== null && schedule.endsOn < to ? schedule.endsOn : to;
  if (start > end) return [];
  const offset = (WEEKDAYS.indexOf(schedule.weekday) - WEEKDAYS.indexOf(weekdayOf(start)) + 7) % 7;
  const dates: string[] = [];
  for (let date = addDays(start, offset); date <= end; date = addDays(date, 7)) dates.push(date);
  return dates;
}

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes England is ahead of UTC at `millis` (0 in winter, 60 in summer time). */
export function londonOffsetMinutes(millis: number): number {
  const parts = Object.fromEntries(
    LONDON_PARTS.formatToParts(new Date(millis)).map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(
    parts['year'],
    parts['month'] - 1,
    parts['day'],
    parts['hour'],
    parts['minute'],
    parts['second'],
  );
  return Math.round((wall - Math.floor(millis / 1000) * 1000) / 60_000);
}

/**
 * The instant at which England's clocks show `time` on `date`. A time skipped when the clocks
 * go forward (01:30 on the last Sunday of March) is read as an hour later (02:30 BST), as
 * calendars do; a time shown twice when they go back (01:30 on the last Sunday of October) is
 * the first of the two (BST).
 */
export function londonInstant(date: string, time: string): Date {
  if (!isIsoDate(date)) throw new RangeError('date must be YYYY-MM-DD');
  if (!isWallTime(time)) throw new RangeError('time must be HH:mm');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const firstGuess = asUtc - londonOffsetMinutes(asUtc) * 60_000;
  let instant = asUtc - londonOffsetMinutes(firstGuess) * 60_000;
  const earlier = instant - 3_600_000;
  if (londonWallTime(new Date(earlier)) === `${date} ${time}`) instant = earlier;
  return new Date(instant);
}

/** `YYYY-MM-DD HH:mm` on England's clocks at `instant`. */
export function londonWallTime(instant: Date): string {
  const millis = instant.getTime();
  const local = new Date(millis + londonOffsetMinutes(millis) * 60_000);
  return local.toISOString().slice(0, 16).replace('T', ' ');
}

/** When a visit on `date` at `startTime` for `durationMinutes` starts and ends. */
export function visitInterval(
  date: string,
  startTime: string,
  durationMinutes: number,
): { start: Date; end: Date } {
  const start = londonInstant(date, startTime);
  return { start, end: new Date(start.getTime() + durationMinutes * 60_000) };
}
