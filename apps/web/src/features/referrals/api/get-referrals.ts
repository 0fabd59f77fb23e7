import { unwrap, type Schemas } from '@beacon/api-client';
import type {
  AgeBand,
  ClosureOutcome,
  DeclineCategory,
  Disability,
  Ethnicity,
  Gender,
  Issue,
  LocalAuthority,
  NotRecorded,
  ReferralSource,
  ReferralStatus,
  ServiceType,
} from '@beacon/domain';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type ReferralSummary = Schemas['ReferralSummaryDto'];

export interface ReferralFilters {
  status?: ReferralStatus[];
  serviceType?: ServiceType;
  advocateId?: string;
  localAuthority?: LocalAuthority;
  q?: string;
  order?: 'newest' | 'oldest';
  /** The filters a report's bars drill down with (see utils/filters: REPORT_FILTER_KEYS). */
  receivedFrom?: string;
  receivedTo?: string;
  source?: ReferralSource;
  outcome?: ClosureOutcome;
  issue?: Issue;
  declineReason?: DeclineCategory;
  ageBand?: AgeBand | NotRecorded;
  gender?: Gender | NotRecorded;
  ethnicity?: Ethnicity | NotRecorded;
  disability?: Disability | NotRecorded;
  signpost?: string;
}

const PAGE_SIZE = 50;

/** Every referrals query starts with this key: one invalidation refreshes lists and pages alike. */
export const referralsKey = ['referrals'] as const;
export const referralListsKey = [...referralsKey, 'list'] as const;

export function getReferrals(filters: ReferralFilters, cursor?: string) {
  return unwrap(api.GET('/api/referrals', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } }));
}

export function getReferralsQueryOptions(filters: ReferralFilters) {
  return infiniteQueryOptions({
    queryKey: [...referralListsKey, filters],
    queryFn: ({ pageParam }) => getReferrals(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useReferrals(filters: ReferralFilters, { enabled = true }: { enabled?: boolean } = {}) {
  // While a new filter loads, the previous list stays on screen rather than flashing to a spinner.
  return useInfiniteQuery({
    ...getReferralsQueryOptions(filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}
