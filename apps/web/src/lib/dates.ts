import { WEEKDAYS, addDays, isIsoDate, londonWallTime, weekdayOf } from '@beacon/domain';

/**
 * London calendar days for pages that show weeks and ranges. Days are `YYYY-MM-DD` strings,
 * so a week is always seven days whatever the clocks do (a week with a clock change is 167
 * or 169 hours long, never six or eight days).
 */

/** The Monday of the week `date` is in (UK weeks start on Monday). */
export function mondayOf(date: string): string {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/** The London calendar day of an instant. */
export function londonDayOf(iso: string): string {
  return londonWallTime(new Date(iso)).slice(0, 10);
}

/** A `YYYY-MM-DD` value from an address that names a real date, or null. */
export function parseDateParam(value: string | null | undefined): string | null {
  return isIsoDate(value) ? value : null;
}
