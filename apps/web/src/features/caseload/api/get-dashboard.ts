import { useQuery } from '@tanstack/react-query';
import { addDays } from '@beacon/domain';
import { calendarQueryOptions } from '../../../lib/calendar';
import { visitsQueryOptions } from '../../../lib/visit-queries';
import { dashboardVisitRange } from '../utils/dashboard';

/** The advocate's visits from eight weeks back to the end of this week (missed ones and this week's). */
export function useDashboardVisits(advocateId: string, today: string) {
  return useQuery(visitsQueryOptions({ ...dashboardVisitRange(today), advocateId }));
}

/** The advocate's calendar for the next quarter: the meetings on their cases. */
export function useUpcomingCalendar(advocateId: string, today: string) {
  return useQuery(calendarQueryOptions({ from: today, to: addDays(today, 92), advocateId }));
}
