import type { Schemas } from '@beacon/api-client';

/** A ward visit as the API gives it (planned from its schedule, then logged). */
export type Visit = Schemas['VisitDto'];

/** The API expands schedules over at most this many days per request. */
export const MAX_RANGE_DAYS = 93;

/** A visit that should have been logged by now: planned, and over. */
export function isMissed(visit: Pick<Visit, 'missed' | 'status'>): boolean {
  return visit.status === 'PLANNED' && visit.missed;
}
