import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useReferralCache } from './referral-cache';

export type AllocateBody = Schemas['AllocateInput'];

/** Allocation and re-allocation alike (managers only). */
export function allocateReferral(id: string, body: AllocateBody) {
  return unwrap(api.POST('/api/referrals/{id}/allocate', { params: { path: { id } }, body }));
}

export function useAllocateReferral(id: string) {
  return useMutation({
    mutationFn: (body: AllocateBody) => allocateReferral(id, body),
    ...useReferralCache(id),
  });
}
