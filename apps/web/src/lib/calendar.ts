import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions } from '@tanstack/react-query';
import { api } from './api';

/**
 * Visits and meetings by date (GET /api/calendar): the Calendar page and the caseload's "next
 * meeting" column. Recording a meeting or changing a visit invalidates this key.
 */
export type CalendarItem = Schemas['CalendarItemDto'];

export const calendarKey = ['calendar'] as const;

export interface CalendarRange {
  from: string;
  to: string;
  advocateId?: string;
}

export function calendarQueryOptions(range: CalendarRange) {
  return queryOptions({
    queryKey: [...calendarKey, range],
    queryFn: () => unwrap(api.GET('/api/calendar', { params: { query: range } })),
  });
}
