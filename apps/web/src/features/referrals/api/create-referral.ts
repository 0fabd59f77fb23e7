import { unwrap } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CreateReferralBody } from '../utils/intake';
import { referralKey } from './get-referral';
import { referralListsKey } from './get-referrals';

export function createReferral(body: CreateReferralBody) {
  return unwrap(api.POST('/api/referrals', { body }));
}

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReferral,
    onSuccess: async (referral) => {
      queryClient.setQueryData(referralKey(referral.id), referral);
      await queryClient.invalidateQueries({ queryKey: referralListsKey });
    },
  });
}
