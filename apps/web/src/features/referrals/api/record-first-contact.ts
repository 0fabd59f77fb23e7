import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useReferralCache } from './referral-cache';

export type FirstContactBody = Schemas['FirstContactInput'];

export function recordFirstContact(id: string, body: FirstContactBody) {
  return unwrap(api.POST('/api/referrals/{id}/first-contact', { params: { path: { id } }, body }));
}

export function useRecordFirstContact(id: string) {
  return useMutation({
    mutationFn: (body: FirstContactBody) => recordFirstContact(id, body),
    ...useReferralCache(id),
  });
}
