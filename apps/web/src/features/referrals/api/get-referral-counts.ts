import { unwrap } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { referralListsKey } from './get-referrals';

/** Under the lists key: whatever refreshes the lists (a triage, an allocation) refreshes the counts. */
export const referralCountsKey = [...referralListsKey, 'counts'] as const;

/** How many referrals the person may see, per status: the queue tabs' counts. */
export function getReferralCounts() {
  return unwrap(api.GET('/api/referrals/counts'));
}

export function getReferralCountsQueryOptions() {
  return queryOptions({ queryKey: referralCountsKey, queryFn: getReferralCounts });
}

export function useReferralCounts() {
  return useQuery(getReferralCountsQueryOptions());
}
