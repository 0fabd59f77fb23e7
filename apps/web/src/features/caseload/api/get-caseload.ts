import { unwrap, type Schemas } from '@beacon/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type CaseloadReferral = Schemas['ReferralSummaryDto'];

const PAGE_SIZE = 100;

/** Under the referrals key, so any change to a referral refreshes the caseload too. */
export const caseloadKey = (advocateId: string) => ['referrals', 'list', 'caseload', advocateId] as const;

/** The advocate's open cases: allocated to them and not closed (ALLOCATED awaiting first contact, ACTIVE). */
export function getCaseload(advocateId: string, cursor?: string) {
  return unwrap(
    api.GET('/api/referrals', {
      params: {
        query: { advocateId, status: ['ALLOCATED', 'ACTIVE'], order: 'oldest', limit: PAGE_SIZE, cursor },
      },
    }),
  );
}

export function getCaseloadQueryOptions(advocateId: string) {
  return infiniteQueryOptions({
    queryKey: caseloadKey(advocateId),
    queryFn: ({ pageParam }) => getCaseload(advocateId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCaseload(advocateId: string) {
  return useInfiniteQuery(getCaseloadQueryOptions(advocateId));
}
