import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { referralsKey } from './get-referrals';

export type Referral = Schemas['ReferralDto'];

export function getReferral(id: string) {
  return unwrap(api.GET('/api/referrals/{id}', { params: { path: { id } } }));
}

export const referralKey = (id: string) => [...referralsKey, 'detail', id] as const;

export function getReferralQueryOptions(id: string) {
  return queryOptions({ queryKey: referralKey(id), queryFn: () => getReferral(id) });
}

export function useReferral(id: string) {
  return useQuery(getReferralQueryOptions(id));
}
