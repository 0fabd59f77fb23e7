import type { FieldError } from '@beacon/api-client';
import { addDays, daysBetween } from '@beacon/domain';
import { parseDateParam } from './dates';

/**
 * A from–to range of London days chosen on a report page (coverage, time), read from and written
 * to the address so a report can be bookmarked and shared.
 */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * The range in the address, or `fallback` for whatever is missing or not a date; a range the API
 * would refuse (backwards, or longer than `maxDays`) gives the fallback whole.
 */
export function parseRange(params: URLSearchParams, fallback: DateRange, maxDays?: number): DateRange {
  const range = {
    from: parseDateParam(params.get('from')) ?? fallback.from,
    to: parseDateParam(params.get('to')) ?? fallback.to,
  };
  return maxDays !== undefined && validateRange(range, maxDays).length ? fallback : range;
}

/** The last `days` days up to and including `today`. */
export function lastDays(today: string, days: number): DateRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** What is wrong with a typed range, named as the API names its fields. */
export function validateRange(range: DateRange, maxDays: number): FieldError[] {
  const errors: FieldError[] = [];
  if (!parseDateParam(range.from)) errors.push({ field: 'from', message: 'is required' });
  if (!parseDateParam(range.to)) errors.push({ field: 'to', message: 'is required' });
  if (errors.length) return errors;
  if (range.to < range.from) errors.push({ field: 'to', message: 'must be on or after the start' });
  else if (daysBetween(range.from, range.to) > maxDays) {
    errors.push({ field: 'to', message: `must be at most ${maxDays} days after the start` });
  }
  return errors;
}
