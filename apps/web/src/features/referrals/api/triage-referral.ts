import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useReferralCache } from './referral-cache';

export type TriageBody = Schemas['TriageInput'];

export function triageReferral(id: string, body: TriageBody) {
  return unwrap(api.POST('/api/referrals/{id}/triage', { params: { path: { id } }, body }));
}

export function useTriageReferral(id: string) {
  return useMutation({ mutationFn: (body: TriageBody) => triageReferral(id, body), ...useReferralCache(id) });
}
