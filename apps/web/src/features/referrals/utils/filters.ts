import { isLocalAuthority, isReferralStatus, isServiceType } from '@beacon/domain';
import type { ReferralFilters } from '../api/get-referrals';

/** The three views of the Referrals page: the two triage queues, and everything with filters. */
export const REFERRAL_VIEWS = ['triage', 'allocation', 'all'] as const;
export type ReferralView = (typeof REFERRAL_VIEWS)[number];

/** The queues are oldest first: whoever has waited longest is seen to first. */
export const QUEUE_FILTERS: Record<Exclude<ReferralView, 'all'>, ReferralFilters> = {
  triage: { status: ['RECEIVED'], order: 'oldest' },
  allocation: { status: ['AWAITING_ALLOCATION'], order: 'oldest' },
};

export const FILTER_KEYS = ['status', 'serviceType', 'advocateId', 'localAuthority', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseView(value: string | null): ReferralView {
  return (REFERRAL_VIEWS as readonly string[]).includes(value ?? '') ? (value as ReferralView) : 'triage';
}

/**
 * The view an address asks for. One that names no view but carries filters (a search from the
 * header's global search, `/referrals?q=Ann%20Bell`) shows "All referrals", where filters apply.
 */
export function viewOf(params: URLSearchParams): ReferralView {
  const named = params.get('view');
  if (named === null && isFiltered(parseReferralFilters(params))) return 'all';
  return parseView(named);
}

/**
 * The "All referrals" filters from the address, keeping only values the API accepts (a hand-edited
 * address gives an unfiltered list rather than an error). Newest first.
 */
export function parseReferralFilters(params: URLSearchParams): ReferralFilters {
  const status = params.get('status');
  const serviceType = params.get('serviceType');
  const advocateId = params.get('advocateId');
  const localAuthority = params.get('localAuthority');
  const q = params.get('q')?.trim() ?? '';
  const filters: ReferralFilters = { order: 'newest' };
  if (isReferralStatus(status)) filters.status = [status];
  if (isServiceType(serviceType)) filters.serviceType = serviceType;
  if (advocateId && UUID.test(advocateId)) filters.advocateId = advocateId;
  if (isLocalAuthority(localAuthority)) filters.localAuthority = localAuthority;
  if (q.length >= 2) filters.q = q.slice(0, 100);
  return filters;
}

export function isFiltered(filters: ReferralFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}
