import { isProblem } from '@beacon/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { advocatesKey } from './get-advocates';
import { referralKey, type Referral } from './get-referral';
import { referralListsKey } from './get-referrals';

/**
 * What every action on one referral does to the cache: the answer becomes the referral's data and
 * lists (and caseload counts) refetch; a refusal because the referral changed (409) reloads it so
 * the latest is shown.
 */
export function useReferralCache(id: string) {
  const queryClient = useQueryClient();
  return {
    onSuccess: async (referral: Referral) => {
      queryClient.setQueryData(referralKey(id), referral);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: referralListsKey }),
        queryClient.invalidateQueries({ queryKey: advocatesKey }),
      ]);
    },
    onError: async (error: unknown) => {
      if (isProblem(error, 409) || isProblem(error, 404))
        await queryClient.invalidateQueries({ queryKey: referralKey(id) });
    },
  };
}
