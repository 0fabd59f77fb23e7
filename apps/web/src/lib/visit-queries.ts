import { ProblemError, unwrap } from '@beacon/api-client';
import { addDays, londonDate } from '@beacon/domain';
import { queryOptions } from '@tanstack/react-query';
import { api } from './api';
import { MAX_RANGE_DAYS, type Visit } from './visits';

/**
 * Ward visits, read by the caseload, the visit page, the intake form (which visit a referral
 * was picked up on) and ward coverage. One key prefix: logging, moving or cancelling a visit
 * refreshes every screen that shows visits, coverage included.
 */
export const visitsKey = ['visits'] as const;

export interface VisitRange {
  from: string;
  to: string;
  advocateId?: string;
  wardId?: string;
}

export function getVisits(range: VisitRange) {
  return unwrap(api.GET('/api/visits', { params: { query: range } }));
}

export function visitsQueryOptions(range: VisitRange) {
  return queryOptions({ queryKey: [...visitsKey, 'list', range], queryFn: () => getVisits(range) });
}

/**
 * One visit by id. The API has no GET /api/visits/:id, so the visit is found in the visits of
 * its day (`date`, when the link carries it) or else in the quarter before and after today.
 */
export async function findVisit(visitId: string, date?: string | null): Promise<Visit> {
  const today = londonDate();
  const ranges: VisitRange[] = [
    ...(date ? [{ from: date, to: date }] : []),
    { from: addDays(today, -(MAX_RANGE_DAYS - 1)), to: today },
    { from: addDays(today, 1), to: addDays(today, MAX_RANGE_DAYS - 1) },
  ];
  for (const range of ranges) {
    const found = (await getVisits(range)).items.find((visit) => visit.id === visitId);
    if (found) return found;
  }
  throw new ProblemError(404, { title: 'Not found', detail: 'No such visit.' });
}

export function visitQueryOptions(visitId: string, date?: string | null) {
  return queryOptions({
    queryKey: [...visitsKey, 'one', visitId, date ?? null],
    queryFn: () => findVisit(visitId, date),
  });
}
