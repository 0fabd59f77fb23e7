import { isProblem } from '@beacon/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { calendarKey } from '../../../lib/calendar';
import { visitsKey } from '../../../lib/visit-queries';
import { schedulesKey } from './get-schedules';

/** A schedule makes (or, ended, removes) planned visits: schedules, visits, coverage and calendars refetch. */
export function useScheduleCache() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: schedulesKey }),
      queryClient.invalidateQueries({ queryKey: visitsKey }),
      queryClient.invalidateQueries({ queryKey: calendarKey }),
    ]);
  return {
    onSuccess: () => refresh(),
    onError: async (error: unknown) => {
      if (isProblem(error, 409) || isProblem(error, 404)) await refresh();
    },
  };
}
