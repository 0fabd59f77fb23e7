import { unwrap } from '@beacon/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

const PAGE_SIZE = 10;

/** Under the referrals key, so a new referral or any change to one refreshes the list. */
export const myReferralsKey = (userId: string) => ['referrals', 'list', 'taken-by', userId] as const;

/** The referrals this person took (on a ward visit, by phone…), newest first, whoever works them now. */
export function getMyReferrals(userId: string, cursor?: string) {
  return unwrap(
    api.GET('/api/referrals', {
      params: { query: { createdBy: userId, order: 'newest', limit: PAGE_SIZE, cursor } },
    }),
  );
}

export function getMyReferralsQueryOptions(userId: string) {
  return infiniteQueryOptions({
    queryKey: myReferralsKey(userId),
    queryFn: ({ pageParam }) => getMyReferrals(userId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useMyReferrals(userId: string) {
  return useInfiniteQuery(getMyReferralsQueryOptions(userId));
}
