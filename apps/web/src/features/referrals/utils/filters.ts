import {
  NOT_RECORDED,
  isAgeBand,
  isClosureOutcome,
  isDeclineCategory,
  isDisability,
  isEthnicity,
  isGender,
  isIsoDate,
  isIssue,
  isLocalAuthority,
  isReferralSource,
  isReferralStatus,
  isServiceType,
} from '@beacon/domain';
import type { ReferralFilters } from '../api/get-referrals';

/** The three views of the Referrals page: the two triage queues, and everything with filters. */
export const REFERRAL_VIEWS = ['triage', 'allocation', 'all'] as const;
export type ReferralView = (typeof REFERRAL_VIEWS)[number];

/** The queues are oldest first: whoever has waited longest is seen to first. */
export const QUEUE_FILTERS: Record<Exclude<ReferralView, 'all'>, ReferralFilters> = {
  triage: { status: ['RECEIVED'], order: 'oldest' },
  allocation: { status: ['AWAITING_ALLOCATION'], order: 'oldest' },
};

/** The filters the page offers controls for. */
export const FORM_FILTER_KEYS = ['status', 'serviceType', 'advocateId', 'localAuthority', 'q'] as const;

/**
 * The filters a report's bar drills down with: shown as a list of what is applied (with a way to
 * clear them) rather than as controls, since they arrive in a link from Reports.
 */
export const REPORT_FILTER_KEYS = [
  'receivedFrom',
  'receivedTo',
  'source',
  'outcome',
  'issue',
  'declineReason',
  'ageBand',
  'gender',
  'ethnicity',
  'disability',
  'signpost',
] as const;
export type ReportFilterKey = (typeof REPORT_FILTER_KEYS)[number];

export const FILTER_KEYS = [...FORM_FILTER_KEYS, ...REPORT_FILTER_KEYS] as const;
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
  // One status, or several comma-separated (a report's "open cases": allocated and active).
  const statuses = (status ?? '').split(',').filter(isReferralStatus);
  if (statuses.length && statuses.length === (status ?? '').split(',').length) filters.status = statuses;
  if (isServiceType(serviceType)) filters.serviceType = serviceType;
  if (advocateId && UUID.test(advocateId)) filters.advocateId = advocateId;
  if (isLocalAuthority(localAuthority)) filters.localAuthority = localAuthority;
  if (q.length >= 2) filters.q = q.slice(0, 100);
  Object.assign(filters, parseReportFilters(params));
  return filters;
}

export function isFiltered(filters: ReferralFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}

const orNotRecorded =
  <T extends string>(guard: (value: unknown) => value is T) =>
  (value: unknown): value is T | typeof NOT_RECORDED =>
    value === NOT_RECORDED || guard(value);
const isSignpost = (value: unknown): value is string =>
  typeof value === 'string' && (value === 'OTHER' || UUID.test(value));

const REPORT_FILTER_GUARDS: Record<ReportFilterKey, (value: unknown) => boolean> = {
  receivedFrom: isIsoDate,
  receivedTo: isIsoDate,
  source: isReferralSource,
  outcome: isClosureOutcome,
  issue: isIssue,
  declineReason: isDeclineCategory,
  ageBand: orNotRecorded(isAgeBand),
  gender: orNotRecorded(isGender),
  ethnicity: orNotRecorded(isEthnicity),
  disability: orNotRecorded(isDisability),
  signpost: isSignpost,
};

/** The drill-down filters in the address that the API accepts (a backwards date range is dropped whole). */
export function parseReportFilters(params: URLSearchParams): Pick<ReferralFilters, ReportFilterKey> {
  const filters: Record<string, string> = {};
  for (const key of REPORT_FILTER_KEYS) {
    const value = params.get(key);
    if (value && REPORT_FILTER_GUARDS[key](value)) filters[key] = value;
  }
  if (filters['receivedFrom'] && filters['receivedTo'] && filters['receivedTo'] < filters['receivedFrom']) {
    delete filters['receivedFrom'];
    delete filters['receivedTo'];
  }
  return filters as Pick<ReferralFilters, ReportFilterKey>;
}
