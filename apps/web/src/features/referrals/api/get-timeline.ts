import { unwrap } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { caseworkKey } from './casework-cache';

/** The case as one file, oldest first: status changes, notes, meetings and records access. */
export function getTimeline(referralId: string) {
  return unwrap(api.GET('/api/referrals/{id}/timeline', { params: { path: { id: referralId } } }));
}

export function getTimelineQueryOptions(referralId: string) {
  return queryOptions({
    queryKey: caseworkKey(referralId, 'timeline'),
    queryFn: () => getTimeline(referralId),
  });
}

export function useTimeline(referralId: string) {
  return useQuery(getTimelineQueryOptions(referralId));
}
