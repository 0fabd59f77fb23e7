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
