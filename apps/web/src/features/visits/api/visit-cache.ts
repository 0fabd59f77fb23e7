import { isProblem } from '@beacon/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { calendarKey } from '../../../lib/calendar';
import { visitsKey } from '../../../lib/visit-queries';
import type { Visit } from '../../../lib/visits';

/**
 * What every change to a visit does to the cache: the answer becomes the visit's data and every
 * list of visits (caseload, coverage) and the calendar refetch. A refusal because the visit changed
 * (409) or went (404) reloads them so the latest is shown.
 */
export function useVisitCache(visitKey: readonly unknown[]) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: visitsKey }),
      queryClient.invalidateQueries({ queryKey: calendarKey }),
    ]);
  return {
    onSuccess: async (visit: Visit) => {
      queryClient.setQueryData(visitKey, visit);
      await refresh();
    },
    onError: async (error: unknown) => {
      if (isProblem(error, 409) || isProblem(error, 404)) await refresh();
    },
  };
}
