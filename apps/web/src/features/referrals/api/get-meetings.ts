import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { caseworkKey } from './casework-cache';

export type Meeting = Schemas['MeetingDto'];

/** The meetings on a case, oldest first. */
export function getMeetings(referralId: string) {
  return unwrap(api.GET('/api/referrals/{id}/meetings', { params: { path: { id: referralId } } }));
}

export function getMeetingsQueryOptions(referralId: string) {
  return queryOptions({
    queryKey: caseworkKey(referralId, 'meetings'),
    queryFn: () => getMeetings(referralId),
  });
}

export function useMeetings(referralId: string) {
  return useQuery(getMeetingsQueryOptions(referralId));
}
