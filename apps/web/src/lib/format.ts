const LONDON = 'Europe/London';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** An instant as people in England read it, e.g. "25 Nov 2026, 09:37:12" (GMT or BST as it was then). */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** Minutes east of UTC that London was at the given instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: number): number {
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/**
 * The instant a London calendar day starts, as ISO 8601, from a date input's "YYYY-MM-DD";
 * `plusDays` moves to a later day (1 gives the exclusive end of the chosen day).
 */
export function londonDayStart(date: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  // UK clocks change at 01:00 UTC, so London midnight is never ambiguous: one correction is enough.
  return new Date(midnightUtc - londonOffsetMinutes(midnightUtc) * 60_000).toISOString();
}

const calendarDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** A calendar date from the API ("YYYY-MM-DD") as people read it, e.g. "2 Dec 2026"; never shifted by a zone. */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return calendarDate.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

const londonDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** The London calendar day of an instant, e.g. "25 Nov 2026": enough for lists, where the time is noise. */
export function formatDay(iso: string): string {
  return londonDay.format(new Date(iso));
}

const londonLongDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** The London calendar day of an instant in full, e.g. "29 December 2026": for a deadline in a sentence. */
export function formatLongDay(iso: string): string {
  return spaced(londonLongDay, new Date(iso));
}

/** Now (or `instant`) as a London wall-clock value for an `<input type="datetime-local">`: "YYYY-MM-DDTHH:mm". */
export function londonDateTimeInput(instant: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: LONDON,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

/**
 * The instant, as ISO 8601, that a London wall-clock time "YYYY-MM-DDTHH:mm" names (undefined when
 * malformed). In the hour the clocks go back the earlier (BST) instant is taken.
 */
export function londonDateTimeToIso(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Try the offset in force an hour either side: one of them gives back the same wall-clock time.
  for (const probe of [asUtc - 3_600_000, asUtc, asUtc + 3_600_000]) {
    const instant = asUtc - londonOffsetMinutes(probe) * 60_000;
    if (londonDateTimeInput(new Date(instant)) === value) return new Date(instant).toISOString();
  }
  return new Date(asUtc - londonOffsetMinutes(asUtc) * 60_000).toISOString();
}

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London wall-clock time of an instant, "09:30" (GMT or BST as it was then). */
export function formatTime(iso: string): string {
  return londonTime.format(new Date(iso));
}

/** "10:00–11:30", both ends on London's clocks. */
export function formatTimeRange(startIso: string, endIso: string): string {
  return `${formatTime(startIso)}–${formatTime(endIso)}`;
}

function utcNoon(date: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)) : undefined;
}

const shortDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const longDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const monthYear = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** The parts in UK order, spaced, whatever punctuation the browser's locale data puts between them. */
function spaced(format: Intl.DateTimeFormat, date: Date): string {
  return format
    .formatToParts(date)
    .filter((part) => part.type !== 'literal')
    .map((part) => part.value)
    .join(' ');
}

/** A calendar date as a short day, "Tue 3 Mar": for lists within a week or a month. */
export function formatShortDay(date: string): string {
  const noon = utcNoon(date);
  return noon ? spaced(shortDay, noon) : date;
}

/** A calendar date in full, "Tuesday 3 March 2026". */
export function formatLongDate(date: string): string {
  const noon = utcNoon(date);
  return noon ? spaced(longDay, noon) : date;
}

/** The month a calendar date is in, "March 2026". */
export function formatMonth(date: string): string {
  const noon = utcNoon(date);
  return noon ? monthYear.format(noon) : date;
}

/** Time spent, as people say it: "45 min", "1 h", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
