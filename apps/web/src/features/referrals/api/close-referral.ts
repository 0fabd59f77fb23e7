import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useReferralCache } from './referral-cache';

export type CloseBody = Schemas['CloseInput'];

export function closeReferral(id: string, body: CloseBody) {
  return unwrap(api.POST('/api/referrals/{id}/close', { params: { path: { id } }, body }));
}

export function useCloseReferral(id: string) {
  return useMutation({ mutationFn: (body: CloseBody) => closeReferral(id, body), ...useReferralCache(id) });
}
