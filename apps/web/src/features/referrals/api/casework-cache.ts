import { isProblem } from '@beacon/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { calendarKey } from '../../../lib/calendar';
import { referralKey } from './get-referral';
import { referralListsKey } from './get-referrals';

/** A casework query of one referral: under the referral's key, so one invalidation refreshes them all. */
export const caseworkKey = (referralId: string, part: 'timeline' | 'notes' | 'meetings' | 'records-access') =>
  [...referralKey(referralId), part] as const;

/**
 * What every casework write does to the cache: the referral and its casework refetch (a contact
 * note or a meeting with the person may have made the case active), lists and caseloads too, and
 * the calendar (meetings). A refusal because something changed (409) or went (404) reloads them.
 */
export function useCaseworkCache(referralId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: referralKey(referralId) }),
      queryClient.invalidateQueries({ queryKey: referralListsKey }),
      queryClient.invalidateQueries({ queryKey: calendarKey }),
    ]);
  return {
    onSuccess: () => refresh(),
    onError: async (error: unknown) => {
      if (isProblem(error, 409) || isProblem(error, 404)) await refresh();
    },
  };
}
